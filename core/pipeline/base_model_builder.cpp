#include "core/pipeline/base_model_builder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <torch/torch.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "core/data/sample_data.h"
#include "core/io/atomic_file.h"
#include "core/model/model_catalog.h"
#include "core/model/model_loader.h"
#include "core/runtime/compute_options.h"
#include "core/train/run_setup.h"
#include "core/tokenizer/tokenizer.h"
#include "core/tokenizer/tokenizer_trainer.h"

namespace medlora::pipeline {

namespace {

void report(const BuildProgress& progress, QJsonObject event) {
  if (progress) progress(event);
}

// The pretraining text: the shipped corpus plus the answers of the sample QA records, one
// document a line. The QA prompts stay out so that fine-tuning still has something to teach.
std::filesystem::path write_default_corpus(const std::filesystem::path& dir) {
  const auto data = data::sample_data_dir();
  const auto out = dir / "pretrain_corpus.txt";
  std::ofstream corpus(out, std::ios::binary);
  std::ifstream text(data / "medical_corpus.txt", std::ios::binary);
  corpus << text.rdbuf() << '\n';
  std::ifstream records(data / "clinic_qa.jsonl", std::ios::binary);
  std::string line;
  while (std::getline(records, line)) {
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(line));
    if (!doc.isObject()) continue;
    const auto answer = doc.object().value("output").toString().toStdString();
    if (!answer.empty()) corpus << answer << '\n';
  }
  if (!corpus) throw std::runtime_error("cannot write " + out.string());
  return out;
}

std::vector<std::string> read_documents(const std::vector<std::filesystem::path>& files) {
  std::vector<std::string> documents;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string line;
    while (std::getline(in, line))
      if (line.find_first_not_of(" \t\r") != std::string::npos) documents.push_back(line);
  }
  if (documents.empty()) throw std::invalid_argument("the pretraining corpus is empty");
  return documents;
}

model::LlamaConfig make_config(const BaseModelOptions& o, const tokenizer::Tokenizer& tok) {
  model::LlamaConfig c;
  c.model_type = "llama";
  c.vocab_size = tok.vocab_size();
  c.hidden_size = o.hidden_size;
  c.intermediate_size = o.intermediate_size;
  c.num_hidden_layers = o.num_layers;
  c.num_attention_heads = o.num_heads;
  c.num_key_value_heads = o.num_kv_heads;
  c.head_dim = o.hidden_size / o.num_heads;
  c.rms_norm_eps = 1e-5;
  c.rope_theta = 10000.0;
  c.max_position_embeddings = o.max_position_embeddings;
  c.tie_word_embeddings = false;
  c.bos_token_id = tok.bos_id();
  c.eos_token_ids = {tok.eos_id()};
  c.torch_dtype = "float32";
  c.validate("base model options");
  return c;
}

void write_generation_config(const std::filesystem::path& dir, const model::LlamaConfig& c) {
  QJsonObject json;
  json["bos_token_id"] = static_cast<qint64>(c.bos_token_id);
  json["eos_token_id"] = static_cast<qint64>(c.eos_token_ids.front());
  json["do_sample"] = true;
  json["temperature"] = 0.7;
  json["top_p"] = 0.9;
  json["top_k"] = 50;
  json["repetition_penalty"] = 1.2;
  json["max_new_tokens"] = 200;
  const auto bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
  io::write_file_atomically(dir / "generation_config.json", std::string_view(bytes.constData(), bytes.size()));
}

}  // namespace

std::filesystem::path default_models_dir() { return model::ModelCatalog::default_models_dir(); }

std::filesystem::path default_base_model_dir() { return default_models_dir() / model::kBaseModelName; }

void build_base_model(const BaseModelOptions& options, const BuildProgress& progress) {
  if (options.output_dir.empty()) throw std::invalid_argument("no output folder given for the base model");
  if (options.hidden_size % options.num_heads != 0)
    throw std::invalid_argument("hidden size " + std::to_string(options.hidden_size) +
                                " is not a multiple of the head count " + std::to_string(options.num_heads));
  std::filesystem::create_directories(options.output_dir.parent_path().empty() ? "." : options.output_dir.parent_path());
  io::StagingDirectory staging(options.output_dir);
  const auto work = staging.path() / ".work";
  std::filesystem::create_directories(work);

  auto corpus_files = options.corpus_files;
  if (corpus_files.empty()) corpus_files.push_back(write_default_corpus(work));
  for (const auto& f : corpus_files)
    if (!std::filesystem::is_regular_file(f)) throw std::invalid_argument("corpus file not found: " + f.string());

  report(progress, {{"stage", "tokenizer"}, {"vocab_size", static_cast<qint64>(options.vocab_size)}});
  tokenizer::TokenizerTrainOptions tok_options;
  tok_options.input_files = corpus_files;
  tok_options.output_dir = staging.path();
  tok_options.vocab_size = static_cast<int>(options.vocab_size);
  tok_options.model_type = "bpe";
  tokenizer::train_tokenizer(tok_options);
  auto tok = tokenizer::Tokenizer::load(staging.path() / "tokenizer.model");

  const auto config = make_config(options, *tok);
  report(progress, {{"stage", "init"},
                  {"parameters", static_cast<qint64>(config.parameter_count())},
                  {"seed", static_cast<qint64>(options.seed)}});
  auto model = std::make_shared<model::LlamaForCausalLM>(config);
  model::initialize_weights(*model, options.seed);
  model::save_llama(*model, staging.path(), torch::kFloat);
  write_generation_config(staging.path(), config);

  if (options.pretrain_steps > 0) {
    train::PretrainOptions pretrain;
    pretrain.model = model;
    pretrain.tokenizer_dir = staging.path();
    pretrain.documents = read_documents(corpus_files);
    pretrain.output_dir = work / "pretrain";
    auto& t = pretrain.training;
    t.max_steps = options.pretrain_steps;
    t.micro_batch_size = options.batch_size;
    t.gradient_accumulation_steps = 1;
    t.learning_rate = options.learning_rate;
    t.warmup_ratio = 0.05;
    t.weight_decay = 0.01;
    t.max_length = options.sequence_length;
    t.logging_steps = 10;
    t.save_total_limit = 1;
    t.seed = options.seed;
    t.dtype = "float32";
    runtime::configure_threads(options.threads);
    train::TrainerCallbacks callbacks;
    callbacks.on_line = [&](const QJsonObject& line) {
      QJsonObject event = line;
      event["stage"] = "pretrain";
      report(progress, event);
    };
    train::pretrain(pretrain, callbacks);
    // The trainer updated the weights in place; they replace the initial ones.
    model::save_llama(*model, staging.path(), torch::kFloat);
  }

  std::filesystem::remove_all(work);
  report(progress, {{"stage", "save"}, {"path", QString::fromStdString(options.output_dir.string())}});
  staging.commit();
  report(progress, {{"stage", "done"}, {"path", QString::fromStdString(options.output_dir.string())}});
}

}  // namespace medlora::pipeline
