// torch (via the core headers) before Qt: Qt's `slots` macro breaks ATen's headers.
#include "core/model/llama_model.h"
#include "core/model/model_loader.h"

#include <QElapsedTimer>

#include "ui/models/generation_worker.h"
#include "core/generate/generator.h"
#include "core/model/model_catalog.h"
#include "core/runtime/compute_options.h"
#include "core/tokenizer/prompt_format.h"
#include "core/tokenizer/tokenizer.h"

namespace medlora::ui {

GenerationWorker::GenerationWorker(QObject* parent) : QObject(parent) {}

GenerationWorker::~GenerationWorker() = default;

void GenerationWorker::describe_tokenizer(const QString& model_dir) {
  try {
    const auto summary = model::ModelCatalog::describe_tokenizer(model_dir.toStdString());
    emit tokenizer_described(model_dir, QString::fromStdString(summary.kind + " " + summary.model_type), summary.vocab_size,
                             summary.bos_id, summary.eos_id, summary.pad_id);
  } catch (const std::exception& e) {
    emit tokenizer_failed(model_dir, QString::fromStdString(e.what()));
  }
}

void GenerationWorker::ensure_loaded(const GenerationRequest& request) {
  const QString key = request.model_dir + '|' + request.device + '|' + request.dtype;
  // Threads are per calling thread in torch's OpenMP pool: set them here, on the worker.
  const auto compute = runtime::resolve_compute(request.device.toStdString(), request.dtype.toStdString(),
                                                request.threads);
  if (model_ && key == loaded_key_) return;
  model_.reset();
  tokenizer_.reset();
  loaded_key_.clear();
  emit loading_started(request.model_dir);
  QElapsedTimer timer;
  timer.start();
  const std::filesystem::path dir = request.model_dir.toStdString();
  tokenizer_ = tokenizer::Tokenizer::load(dir);
  model_ = model::load_llama(dir, compute);
  model_->eval();
  loaded_key_ = key;
  emit model_loaded(request.model_dir, timer.elapsed() / 1000.0, QString::fromStdString(compute.device.str()),
                    QString::fromStdString(runtime::dtype_name(compute.dtype)));
}

void GenerationWorker::generate(const GenerationRequest& request) {
  cancel_.store(false);
  try {
    ensure_loaded(request);
    if (cancel_.load()) {
      emit finished("cancelled", 0, 0.0, 0.0);
      return;
    }
    generate::SamplingParams params;
    params.temperature = request.temperature;
    params.max_new_tokens = request.max_new_tokens;
    const auto format = tokenizer::PromptFormat::resolve(request.template_name.toStdString(), "",
                                                         request.model_dir.toStdString(), tokenizer_);
    const auto prompt = format.encode_prompt({{"user", request.user_text.toStdString()}});
    QList<qint64> ids;
    QStringList pieces;
    QList<bool> special;
    for (const auto id : prompt.ids) {
      ids.append(id);
      pieces.append(QString::fromStdString(tokenizer_->piece(id)));
      special.append(tokenizer_->is_special(id));
    }
    emit prompt_encoded(QString::fromStdString(prompt.text), ids, pieces, special);
    generate::Generator generator(model_, tokenizer_);
    const auto result = generator.generate_ids(
        prompt.ids, params,
        [this](const std::string& piece, int64_t) {
          if (!piece.empty()) emit token(QString::fromStdString(piece));
        },
        &cancel_);
    emit finished(QString::fromStdString(result.finish_reason), static_cast<qint64>(result.tokens.size()),
                  result.seconds, result.tokens_per_second);
  } catch (const std::exception& e) {
    emit failed(QString::fromStdString(e.what()));
  }
}

void GenerationWorker::unload() {
  model_.reset();
  tokenizer_.reset();
  loaded_key_.clear();
}

}  // namespace medlora::ui
