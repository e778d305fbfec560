#pragma once
// The Chat panel's generation thread. A ChatWorker lives on its own QThread: it owns a
// generate::EnginePool (each model folder loads once; adapters load once and are switched on
// the loaded base) and its own workspace connection (knowledge-base search for grounding,
// test-set answers). Call its slots through queued invocations; read its signals queued.
// Every signal carries the job id the panel gave, so a late signal of an old job is told apart.
//
// Cancel: stop() may be called from any thread; it raises the flag the generator polls after
// each token, for the running job and any job up to `up_to_job` still waiting in the queue.
#include <QObject>
#include <QString>

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "ui/chat/chat_job.h"

namespace medlora::generate {
class EnginePool;
class ChatEngine;
struct ChatRequest;
struct ChatReply;
}
namespace medlora::tokenizer {
class Tokenizer;
}
namespace medlora::store {
class KnowledgeBase;
class Workspace;
}
namespace medlora::chat {
class AdapterRouter;
}

namespace medlora::ui {

class ChatWorker : public QObject {
  Q_OBJECT

 public:
  explicit ChatWorker(QObject* parent = nullptr);
  ~ChatWorker() override;

  // Thread-safe: stops the running job if its id is <= up_to_job, and jobs queued with such ids.
  void stop(qint64 up_to_job);

 public slots:
  // One question through job.configurations[0].
  void answer(const medlora::ui::ChatJob& job);
  // The same question and seed through 2-4 configurations, one after the other.
  void side_by_side(const medlora::ui::ChatJob& job);
  // Questions x configurations, each answer stored in the workspace as it arrives; a resumed
  // run answers only the pairs without a "done" answer.
  void run_test_set(const medlora::ui::TestSetJob& job);
  // Frees the loaded models and closes the workspace connection (call before the thread ends).
  void release();

 signals:
  // A model folder is being loaded (the first answer from it takes a while).
  void loading(qint64 job_id, const QString& what);
  // Configuration `configuration` starts answering (side by side: its column).
  void configuration_started(qint64 job_id, int configuration);
  // A piece of configuration `configuration`'s answer (pieces concatenate to its text).
  void piece(qint64 job_id, int configuration, const QString& text);
  // One answer is complete (also stopped ones, and failed ones with status "error").
  void reply_finished(const medlora::ui::ChatAnswer& answer);
  // Test sets: the run the answers go to (a new run's id as soon as it is created).
  void test_run_started(qint64 job_id, qint64 run_id, qint64 total);
  void progress(qint64 job_id, qint64 done, qint64 total);
  // The job is over (after its last reply_finished, or after failed()).
  void job_finished(qint64 job_id, bool cancelled);
  // The job could not run at all: a message a user understands.
  void failed(qint64 job_id, const QString& message);

 private:
  void begin(qint64 job_id);
  void end();
  static std::shared_ptr<const chat::AdapterRouter> router_for(const JobContext& context,
                                                               const QList<ChatConfiguration>& configurations);
  void prepare_pool(const JobContext& context);
  store::Workspace* workspace(const QString& file);
  generate::ChatEngine& load_engine(qint64 job_id, const QString& model_dir);
  // The tokenizer of the engine that gave `reply` (null when the reply has no prompt ids).
  const tokenizer::Tokenizer* tokenizer_of(const std::filesystem::path& model_dir, const generate::ChatReply& reply);
  generate::ChatRequest base_request(const ChatJob& job);
  void set_bad_words(generate::ChatRequest& request, const JobContext& context, const QList<ChatConfiguration>& all,
                     qint64 job_id);

  std::atomic<bool> cancel_{false};
  std::mutex stop_mutex_;
  qint64 running_job_ = 0;  // guarded by stop_mutex_
  qint64 stop_up_to_ = 0;   // guarded by stop_mutex_

  std::unique_ptr<generate::EnginePool> pool_;
  std::string pool_key_;              // compute settings the pool was made with
  std::set<std::string> loaded_dirs_;  // model folders the pool has loaded (for loading())
  std::unique_ptr<store::Workspace> workspace_;
  std::unique_ptr<store::KnowledgeBase> knowledge_base_;  // over workspace_
};

}  // namespace medlora::ui
