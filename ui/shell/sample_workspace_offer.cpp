#include "ui/shell/sample_workspace_offer.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QMessageBox>
#include <QTimer>
#include <QPushButton>
#include <QSettings>
#include <QThread>

#include <memory>

#include "core/data/sample_data.h"
#include "core/pipeline/sample_workspace.h"
#include "core/store/workspace.h"

namespace medlora::ui {
namespace {

QString settings_key(const QString& workspace_file) {
  const QByteArray path = QFileInfo(workspace_file).absoluteFilePath().toUtf8();
  return "first_run/sample_offered_" + QCryptographicHash::hash(path, QCryptographicHash::Sha1).toHex();
}

QString summary_text(const pipeline::SampleWorkspaceReport& r) {
  QStringList lines;
  lines << SampleWorkspaceOffer::tr("Dataset \"%1\": %2 records, approved by \"%3\".")
               .arg(pipeline::kSampleDatasetName)
               .arg(r.records)
               .arg(pipeline::kSampleReviewer);
  lines << (r.model_step == "skipped"
                ? SampleWorkspaceOffer::tr("No bundled base model yet (it is made by ./dev run or medlora demo).")
                : SampleWorkspaceOffer::tr("Base model registered: %1").arg(QString::fromStdString(r.model_path)));
  lines << (r.run_step == "skipped"
                ? SampleWorkspaceOffer::tr("No demo run to show in the Training history (run medlora demo).")
                : SampleWorkspaceOffer::tr("Demo run in the Training history: %1").arg(QString::fromStdString(r.run_folder)));
  lines << SampleWorkspaceOffer::tr(
      "The sample review study is made for the first study lead: create the first lead account in the Review "
      "panel, and the study is there for you to assign.");
  return lines.join('\n');
}

}  // namespace

SampleWorkspaceOffer::SampleWorkspaceOffer(QSettings& store, QWidget* parent_widget)
    : QObject(parent_widget), store_(store), parent_widget_(parent_widget) {}

bool SampleWorkspaceOffer::was_offered(const QString& workspace_file) const {
  return store_.value(settings_key(workspace_file), false).toBool();
}

void SampleWorkspaceOffer::mark_offered(const QString& workspace_file) {
  store_.setValue(settings_key(workspace_file), true);
  store_.sync();
}

bool SampleWorkspaceOffer::maybe_offer(const QString& workspace_file) {
  if (dialog_ || was_offered(workspace_file)) return false;
  try {
    data::sample_data_dir();  // not installed: nothing to offer
    store::Workspace workspace(QFileInfo(workspace_file).absoluteFilePath().toStdString());
    if (!pipeline::is_new_workspace(workspace)) return false;
  } catch (const std::exception&) {
    return false;  // an unusable workspace is reported where it is opened
  }
  auto* box = new QMessageBox(QMessageBox::Question, tr("Sample workspace"),
                              tr("This workspace is empty. Set it up with the sample data?\n\n"
                                 "It imports the bundled clinic QA data as an approved dataset, registers the "
                                 "bundled base model and shows the demo run in the Training history, when they "
                                 "exist. You will not be asked again for this workspace. (The command line does the "
                                 "same: medlora workspace init --sample.)"),
                              QMessageBox::Yes | QMessageBox::No, parent_widget_);
  box->setObjectName("sample_workspace_offer");
  box->button(QMessageBox::Yes)->setText(tr("Set up sample workspace"));
  box->button(QMessageBox::No)->setText(tr("No, start empty"));
  box->setDefaultButton(QMessageBox::Yes);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setWindowModality(Qt::NonModal);
  dialog_ = box;
  connect(box, &QMessageBox::finished, this, [this, box, workspace_file] {
    dialog_ = nullptr;  // the box deletes itself once closed
    mark_offered(workspace_file);
    if (box->clickedButton() == box->button(QMessageBox::Yes)) {
      run(workspace_file);
    } else {
      emit declined(workspace_file);
    }
  });
  // Shown once the event loop runs, so after the main window is on screen: a window manager
  // stacks a dialog shown before its parent window behind it, where a new user never sees it.
  QTimer::singleShot(0, box, [box] {
    box->show();
    box->raise();
    box->activateWindow();
  });
  return true;
}

void SampleWorkspaceOffer::run(const QString& workspace_file) {
  // A worker thread with its own connection (Qt SQL connections belong to their thread).
  auto result = std::make_shared<std::pair<QString, QString>>();  // summary, error
  const std::string file = QFileInfo(workspace_file).absoluteFilePath().toStdString();
  QThread* worker = QThread::create([result, file] {
    try {
      auto workspace = store::Workspace::open_for_this_thread(file);
      result->first = summary_text(pipeline::set_up_sample_workspace(*workspace));
    } catch (const std::exception& e) {
      result->second = QString::fromUtf8(e.what());
    }
  });
  connect(worker, &QThread::finished, this, [this, worker, result, workspace_file] {
    worker->deleteLater();
    if (result->second.isEmpty()) {
      emit set_up(workspace_file, result->first);
    } else {
      emit failed(workspace_file, result->second);
    }
  });
  worker->start();
}

}  // namespace medlora::ui
