#pragma once
// Runs slow work (a review server round trip, loading or exporting a model) on a thread of its
// own and hands its result back on the receiver's thread (the GUI thread), so that the GUI never
// waits. A Qt SQL connection belongs to the thread that opened it, so a job that needs one opens
// its own (ServerConnection, Workspace::open_for_this_thread).
#include <QObject>
#include <QString>
#include <QThread>

#include <exception>
#include <functional>
#include <memory>
#include <optional>

namespace medlora::ui {

// `done` gets the result, `failed` the error made one line; neither is called once `receiver` is
// gone (the queued connection is dropped with it).
template <class Result>
void run_off_gui_thread(QObject* receiver, std::function<Result()> job, std::function<void(const Result&)> done,
                        std::function<void(const QString&)> failed) {
  struct Outcome {
    std::optional<Result> result;
    QString error;
  };
  auto outcome = std::make_shared<Outcome>();
  QThread* thread = QThread::create([job = std::move(job), outcome] {
    try {
      outcome->result = job();
    } catch (const std::exception& e) {
      outcome->error = QString::fromUtf8(e.what()).simplified();
    }
  });
  QObject::connect(thread, &QThread::finished, receiver,
                   [outcome, done = std::move(done), failed = std::move(failed)] {
                     if (outcome->result)
                       done(*outcome->result);
                     else
                       failed(outcome->error);
                   });
  QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
  thread->start();
}

}  // namespace medlora::ui
