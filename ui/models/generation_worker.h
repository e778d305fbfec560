#pragma once
// Runs model loading, tokenizer inspection and generation off the GUI thread. Lives on its own
// QThread: call its slots through queued invocations, read its signals queued. The loaded
// model is kept until another folder or other compute settings are asked for.
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>

namespace medlora::model {
class LlamaForCausalLM;
}
namespace medlora::tokenizer {
class Tokenizer;
}

namespace medlora::ui {

struct GenerationRequest {
  QString model_dir;
  QString device = "auto";  // as in WorkbenchSettings
  QString dtype = "auto";
  int threads = 0;
  QString user_text;        // what the user typed, rendered by the chosen template in the core
  QString template_name;    // as tokenizer::PromptFormat takes it ("" = the model's default)
  double temperature = 0.7;
  int max_new_tokens = 200;
};

class GenerationWorker : public QObject {
  Q_OBJECT

 public:
  explicit GenerationWorker(QObject* parent = nullptr);
  ~GenerationWorker() override;

  // Thread-safe: asks a running generation to stop after the current token.
  void request_stop() { cancel_.store(true); }

 public slots:
  void describe_tokenizer(const QString& model_dir);
  void generate(const medlora::ui::GenerationRequest& request);
  // Drops the loaded model (frees its memory).
  void unload();

 signals:
  void tokenizer_described(const QString& model_dir, const QString& model_type, qint64 vocab_size,
                           qint64 bos_id, qint64 eos_id, qint64 pad_id);
  void tokenizer_failed(const QString& model_dir, const QString& message);
  void loading_started(const QString& model_dir);
  void model_loaded(const QString& model_dir, double seconds, const QString& device, const QString& dtype);
  // The prompt as the model gets it: the rendered text and, per token, its id, its piece and
  // whether it is a special (control) token. Sent before the first generated token.
  void prompt_encoded(const QString& text, const QList<qint64>& ids, const QStringList& pieces,
                      const QList<bool>& special);
  void token(const QString& text);
  // finish_reason: eos | stop_string | max_new_tokens | cancelled
  void finished(const QString& finish_reason, qint64 tokens, double seconds, double tokens_per_second);
  void failed(const QString& message);

 private:
  void ensure_loaded(const GenerationRequest& request);

  std::atomic<bool> cancel_{false};
  std::shared_ptr<model::LlamaForCausalLM> model_;
  std::shared_ptr<const tokenizer::Tokenizer> tokenizer_;
  QString loaded_key_;
};

}  // namespace medlora::ui
