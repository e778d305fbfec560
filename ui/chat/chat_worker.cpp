// torch (via the core generate headers) before Qt: Qt's `slots` macro breaks ATen's headers.
#include "core/generate/side_by_side.h"
#include "core/generate/test_set_runner.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include "core/chat/test_questions.h"
#include "core/io/json_util.h"
#include "core/runtime/compute_options.h"
#include "core/store/dataset_repository.h"
#include "core/store/knowledge_base.h"
#include "core/store/workspace.h"
#include "ui/chat/chat_worker.h"

namespace medlora::ui {
namespace {

std::string folder_key(const QString& dir) {
  return std::filesystem::weakly_canonical(std::filesystem::absolute(dir.toStdString())).string();
}

generate::ModelConfiguration to_model_configuration(const ChatConfiguration& c,
                                                    const std::shared_ptr<const chat::AdapterRouter>& router) {
  generate::ModelConfiguration m;
  m.label = c.label.toStdString();
  m.model_dir = c.model_dir.toStdString();
  if (c.mode == AdapterMode::OneAdapter && !c.adapters.isEmpty())
    m.adapter = generate::AdapterSpec{c.adapters.front().name.toStdString(), c.adapters.front().dir.toStdString()};
  if (c.mode == AdapterMode::Routed) {
    for (const ChatAdapter& a : c.adapters) m.routed_adapters.push_back({a.name.toStdString(), a.dir.toStdString()});
    m.router = router;
  }
  return m;
}

// The reply's prompt with each id's piece and special flag from the tokenizer that made it
// (null or no ids: the text alone, e.g. a configuration that failed before encoding).
AnswerPrompt prompt_of(const generate::ChatReply& reply, const tokenizer::Tokenizer* tokenizer) {
  AnswerPrompt prompt;
  prompt.text = QString::fromStdString(reply.prompt);
  if (!tokenizer) return prompt;
  for (const int64_t id : reply.prompt_ids) {
    prompt.ids.append(id);
    prompt.pieces.append(QString::fromStdString(tokenizer->piece(id)));
    prompt.special.append(tokenizer->is_special(id));
  }
  return prompt;
}

// `tokenizer`: the answering engine's (null when the configuration never loaded).
ChatAnswer answer_of(qint64 job_id, int configuration, const std::string& label, const std::string& question,
                     const generate::ChatReply& reply, const tokenizer::Tokenizer* tokenizer) {
  ChatAnswer answer;
  answer.job_id = job_id;
  answer.configuration = configuration;
  answer.question_text = QString::fromStdString(question);
  answer.text = QString::fromStdString(reply.text);
  auto& m = answer.metadata;
  m.configuration = label;
  m.adapter = reply.adapter;
  m.route_reason = reply.route ? reply.route->reason : std::string();
  m.passages = reply.passages;
  if (reply.safety) m.safety = *reply.safety;
  m.tokens_per_second = reply.tokens_per_second;
  m.tokens = static_cast<int64_t>(reply.tokens.size());
  m.finish_reason = reply.finish_reason;
  m.seed = static_cast<int64_t>(reply.seed);
  answer.status = answer_status(reply.finish_reason);
  answer.prompt = prompt_of(reply, tokenizer);
  return answer;
}

// What a test-set run stores per configuration: the configuration and the settings it ran
// with, so that a resumed run answers the missing pairs exactly as the first part did.
std::string test_configuration_json(const ChatConfiguration& configuration, const JobContext& context) {
  QJsonObject root = QJsonDocument::fromJson(configuration.to_json().toUtf8()).object();
  root["settings"] = QJsonDocument::fromJson(context.settings.to_json().toUtf8()).object();
  root["grounding"] = context.grounding ? context.grounding_top_k : 0;
  root["safety"] = context.safety.has_value();
  return io::json::compact(root);
}

}  // namespace

ChatWorker::ChatWorker(QObject* parent) : QObject(parent) {
  qRegisterMetaType<medlora::ui::ChatJob>();
  qRegisterMetaType<medlora::ui::TestSetJob>();
  qRegisterMetaType<medlora::ui::ChatAnswer>();
}

ChatWorker::~ChatWorker() = default;

void ChatWorker::stop(qint64 up_to_job) {
  std::lock_guard lock(stop_mutex_);
  stop_up_to_ = std::max(stop_up_to_, up_to_job);
  if (running_job_ != 0 && running_job_ <= up_to_job) cancel_.store(true);
}

void ChatWorker::begin(qint64 job_id) {
  std::lock_guard lock(stop_mutex_);
  running_job_ = job_id;
  cancel_.store(job_id <= stop_up_to_);
}

void ChatWorker::end() {
  std::lock_guard lock(stop_mutex_);
  running_job_ = 0;
}

std::shared_ptr<const chat::AdapterRouter> ChatWorker::router_for(const JobContext& context,
                                                                  const QList<ChatConfiguration>& configurations) {
  // Built only when needed: broken rules must not stop a comparison that does not route.
  for (const ChatConfiguration& c : configurations)
    if (c.mode == AdapterMode::Routed) return std::make_shared<const chat::AdapterRouter>(context.routing);
  return nullptr;
}

void ChatWorker::release() {
  pool_.reset();
  pool_key_.clear();
  loaded_dirs_.clear();
  knowledge_base_.reset();
  workspace_.reset();
}

void ChatWorker::prepare_pool(const JobContext& context) {
  // Torch's thread count belongs to the calling thread: resolve (and set) it here.
  const auto compute = runtime::resolve_compute(context.device.toStdString(), context.dtype.toStdString(),
                                                context.threads);
  const std::string key = context.device.toStdString() + '|' + context.dtype.toStdString() + '|' +
                          std::to_string(context.threads);
  if (pool_ && key == pool_key_) return;
  pool_ = std::make_unique<generate::EnginePool>(compute);
  pool_key_ = key;
  loaded_dirs_.clear();
}

store::Workspace* ChatWorker::workspace(const QString& file) {
  if (file.isEmpty()) throw std::invalid_argument("no workspace is open; open one with File > Open workspace");
  if (!workspace_ || workspace_->path() != file.toStdString()) {
    knowledge_base_.reset();
    workspace_ = store::Workspace::open_for_this_thread(file.toStdString());
    knowledge_base_ = std::make_unique<store::KnowledgeBase>(*workspace_);
  }
  return workspace_.get();
}

generate::ChatEngine& ChatWorker::load_engine(qint64 job_id, const QString& model_dir) {
  const std::string key = folder_key(model_dir);
  if (!loaded_dirs_.count(key)) emit loading(job_id, QFileInfo(model_dir).fileName());
  auto& engine = pool_->engine(model_dir.toStdString());
  loaded_dirs_.insert(key);
  return engine;
}

const tokenizer::Tokenizer* ChatWorker::tokenizer_of(const std::filesystem::path& model_dir,
                                                     const generate::ChatReply& reply) {
  // A reply with prompt ids came from a loaded engine; without them, do not load (again) a
  // folder that may have failed to load.
  if (reply.prompt_ids.empty() || !pool_) return nullptr;
  return pool_->engine(model_dir).tokenizer().get();
}

void ChatWorker::set_bad_words(generate::ChatRequest& request, const JobContext& context,
                               const QList<ChatConfiguration>& all, qint64 job_id) {
  if (context.settings.bad_words.isEmpty()) return;
  std::vector<std::string> words;
  for (const QString& word : context.settings.bad_words) words.push_back(word.toStdString());
  // Ids depend on the tokenizer; one request serves every configuration, so they must agree.
  std::optional<std::vector<std::vector<int64_t>>> ids;
  for (const ChatConfiguration& configuration : all) {
    auto these = load_engine(job_id, configuration.model_dir).bad_words_ids(words);
    if (ids && *ids != these)
      throw std::invalid_argument("the bad words become different tokens in " +
                                  configuration.model_dir.toStdString() +
                                  " (another tokenizer); compare models with one tokenizer, or clear the bad words");
    ids = std::move(these);
  }
  request.sampling.bad_words_ids = std::move(*ids);
}

generate::ChatRequest ChatWorker::base_request(const ChatJob& job) {
  const JobContext& context = job.context;
  generate::ChatRequest request;
  for (const auto& [question, answer] : job.history) request.history.push_back({question, answer});
  request.question = job.question.toStdString();
  request.template_name = context.settings.template_name.toStdString();
  request.sampling = context.settings.sampling;
  request.sampling.validate();
  if (context.grounding) {
    workspace(context.workspace_file);
    generate::ChatGrounding grounding;
    grounding.knowledge_base = knowledge_base_.get();
    grounding.top_k = context.grounding_top_k;
    request.grounding = grounding;
  }
  if (context.safety) request.safety = std::make_shared<const chat::SafetyFilter>(*context.safety);
  return request;
}

void ChatWorker::answer(const ChatJob& job) {
  const qint64 id = job.context.job_id;
  begin(id);
  try {
    if (job.configurations.isEmpty()) throw std::invalid_argument("no model configuration was given");
    prepare_pool(job.context);
    generate::ChatRequest request = base_request(job);
    const ChatConfiguration& configuration = job.configurations.front();
    load_engine(id, configuration.model_dir);
    set_bad_words(request, job.context, job.configurations, id);
    const auto router = router_for(job.context, job.configurations);
    emit configuration_started(id, 0);
    auto prepared = pool_->prepare(to_model_configuration(configuration, router), request);
    const auto reply = prepared.engine->answer(
        prepared.request,
        [this, id](const std::string& text, int64_t) {
          if (!text.empty()) emit piece(id, 0, QString::fromStdString(text));
        },
        &cancel_);
    emit reply_finished(answer_of(id, 0, configuration.label.toStdString(), request.question, reply,
                                  prepared.engine->tokenizer().get()));
    emit job_finished(id, reply.finish_reason == "cancelled");
  } catch (const std::exception& e) {
    emit failed(id, QString::fromStdString(e.what()));
    emit job_finished(id, false);
  }
  end();
}

void ChatWorker::side_by_side(const ChatJob& job) {
  const qint64 id = job.context.job_id;
  begin(id);
  try {
    prepare_pool(job.context);
    generate::ChatRequest request = base_request(job);
    for (const ChatConfiguration& configuration : job.configurations) {
      if (cancel_.load()) break;
      load_engine(id, configuration.model_dir);
    }
    set_bad_words(request, job.context, job.configurations, id);
    const auto router = router_for(job.context, job.configurations);
    std::vector<generate::ModelConfiguration> configurations;
    for (const ChatConfiguration& c : job.configurations) configurations.push_back(to_model_configuration(c, router));
    generate::SideBySide side_by_side(*pool_);
    const auto results = side_by_side.run(
        request, configurations,
        [this, id](size_t configuration, const std::string& text) {
          if (!text.empty()) emit piece(id, static_cast<int>(configuration), QString::fromStdString(text));
        },
        &cancel_, [this, id](size_t configuration) { emit configuration_started(id, static_cast<int>(configuration)); });
    bool cancelled = false;
    for (size_t i = 0; i < results.size(); ++i) {
      ChatAnswer answer = answer_of(id, static_cast<int>(i), results[i].label, request.question, results[i].reply,
                                    tokenizer_of(configurations[i].model_dir, results[i].reply));
      if (!results[i].error.empty()) {
        answer.status = "error";
        answer.error = QString::fromStdString(results[i].error);
      }
      cancelled = cancelled || answer.status == "stopped";
      emit reply_finished(answer);
    }
    emit job_finished(id, cancelled);
  } catch (const std::exception& e) {
    emit failed(id, QString::fromStdString(e.what()));
    emit job_finished(id, false);
  }
  end();
}

void ChatWorker::run_test_set(const TestSetJob& job) {
  const qint64 id = job.context.job_id;
  begin(id);
  try {
    prepare_pool(job.context);
    store::Workspace* ws = workspace(job.context.workspace_file);
    store::TestSetRuns runs(*ws);
    JobContext context = job.context;
    qint64 run_id = job.resume_run_id;
    if (run_id <= 0) {
      std::vector<store::TestQuestion> questions;
      std::string source;
      if (!job.questions_file.isEmpty()) {
        questions = chat::read_test_questions(job.questions_file.toStdString());
        source = "file: " + QFileInfo(job.questions_file).fileName().toStdString();
      } else {
        questions = chat::dataset_test_questions(*ws, job.dataset_id, job.approved_only, job.dataset_limit);
        const auto dataset = store::DatasetRepository(*ws).find_dataset(job.dataset_id);
        source = "dataset: " + (dataset ? dataset->name : std::to_string(job.dataset_id));
      }
      std::vector<store::TestConfiguration> stored;
      for (const ChatConfiguration& c : job.configurations)
        stored.push_back({c.label.toStdString(), test_configuration_json(c, context)});
      run_id = runs.create(job.name.toStdString(), source, questions, stored);
    }
    const auto run = runs.load(run_id);
    if (!run) throw std::invalid_argument("test-set run " + std::to_string(run_id) + " no longer exists");
    std::vector<store::TestQuestion> questions;
    for (const auto& q : run->questions) questions.push_back(q);
    QList<ChatConfiguration> configurations;
    for (const auto& c : run->configurations) {
      const QString json = QString::fromStdString(c.config_json);
      ChatConfiguration configuration = ChatConfiguration::from_json(json);
      configuration.label = QString::fromStdString(c.label);
      configurations.append(configuration);
      const QJsonObject root = QJsonDocument::fromJson(json.toUtf8()).object();
      if (root.value("settings").isObject())  // a resumed run keeps the settings it started with
        context.settings = GenerationSettings::from_json(
            io::json::compact_text(root.value("settings").toObject()));
    }
    std::set<std::pair<int64_t, int64_t>> pending;
    for (const auto& p : runs.missing(run_id)) pending.insert({p.question_id, p.configuration_id});
    const qint64 total = static_cast<qint64>(questions.size() * configurations.size());
    emit test_run_started(id, run_id, total);

    ChatJob settings_job{context, configurations, {}, {}};
    generate::ChatRequest request = base_request(settings_job);
    for (const ChatConfiguration& c : configurations) {
      try {
        load_engine(id, c.model_dir);
      } catch (const std::exception&) {
        // The runner records this configuration's answers as errors; the others still run.
      }
    }
    set_bad_words(request, context, configurations, id);
    const auto router = router_for(context, configurations);
    std::vector<generate::ModelConfiguration> models;
    for (const ChatConfiguration& c : configurations) models.push_back(to_model_configuration(c, router));

    generate::TestSetRunner runner(*pool_);
    const auto summary = runner.run(
        questions, models, request,
        [&](const generate::TestSetAnswer& a) {
          runs.record_answer(run_id, run->questions[a.question_index].id, run->configurations[a.configuration_index].id,
                             generate::to_test_answer_input(a));
          ChatAnswer answer = answer_of(id, static_cast<int>(a.configuration_index), a.system, a.question, a.reply,
                                        tokenizer_of(models[a.configuration_index].model_dir, a.reply));
          answer.question = static_cast<int>(a.question_index);
          answer.status = QString::fromStdString(a.status);
          answer.error = QString::fromStdString(a.error);
          emit reply_finished(answer);
        },
        [&](size_t q, size_t c) {
          return !pending.count({run->questions[q].id, run->configurations[c].id});
        },
        [&](size_t done, size_t all) { emit progress(id, static_cast<qint64>(done), static_cast<qint64>(all)); },
        &cancel_);
    emit job_finished(id, summary.cancelled);
  } catch (const std::exception& e) {
    emit failed(id, QString::fromStdString(e.what()));
    emit job_finished(id, false);
  }
  end();
}

}  // namespace medlora::ui
