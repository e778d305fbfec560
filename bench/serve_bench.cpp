// Serving throughput of the fixed benchmark model through `medlora serve`'s own stack, in this
// process: ChatEngine + Scheduler + ServeApi + HttpServer on 127.0.0.1 (any free port), built as
// app/cli/command_serve.cpp builds them, with an API key in a throwaway workspace. cpp-httplib
// clients stream POST /v1/completions (temperature 0, a fixed max_tokens, the special tokens
// banned with logit_bias so that every stream produces exactly max_tokens).
//
// Anchor, in the same run: the same request body through ChatEngine::answer on a second engine
// loaded from the same folder (what `medlora generate --template raw --prompt P` runs), the
// sampling settings taken from the server's own request parser. The generator and the
// single-client server case and --clients clients at once take turns; each figure is the best of
// --repeats (latencies are pooled over the repeats).
//
// Time to first token: request sent -> first chunk with text. Inter-token latency: gaps between
// a stream's text chunks (text_chunks_per_token says whether a chunk carried one token).
// The response cache is off (--cache-size 0): the identical greedy requests must be decoded.
//
// "prefill": what the scheduler's join of --clients requests costs the model alone (the same
// prompt, no HTTP): one prefill after another against one batched pass (BatchDecoder::
// prefill_together), taking turns, best of --repeats.
#include <torch/torch.h>

#include <httplib.h>

#include <QJsonArray>
#include <QTemporaryDir>

#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <latch>
#include <thread>

#include "bench/bench_support.h"
#include "core/generate/chat_engine.h"
#include "core/model/llama_model.h"
#include "core/model/model_loader.h"
#include "core/runtime/compute_options.h"
#include "core/runtime/process_environment.h"
#include "core/serve/batch_decoder.h"
#include "core/serve/http_server.h"
#include "core/serve/openai_request.h"
#include "core/serve/serve_api.h"
#include "core/store/serve_keys.h"
#include "core/store/workspace.h"
#include "core/tokenizer/tokenizer_trainer.h"

using namespace medlora;

namespace {

// A clinic-style prompt; /v1/completions sends it to the model as it is (template "raw").
const char* kPrompt = "患者，男，45岁，主诉反复头痛三天，伴有低热和乏力。既往有高血压病史。请问应该如何处理？";

// The fixed benchmark model (same seed as inference_bench) as an HF folder with a sentencepiece
// tokenizer trained on the bundled corpus (4,000 pieces; the model's padded rows are never picked).
void write_model_folder(const std::filesystem::path& folder) {
  torch::manual_seed(0);
  auto config = bench::fixed_config();
  auto m = std::make_shared<model::LlamaForCausalLM>(config);
  model::initialize_weights(*m, 0);
  model::save_llama(*m, folder, torch::kFloat32);
  tokenizer::TokenizerTrainOptions options;
  options.input_files = {MEDLORA_SOURCE_DIR_FOR_BENCH "/resources/sample_data/medical_corpus.txt"};
  options.output_dir = folder;
  options.vocab_size = 4000;
  tokenizer::train_tokenizer(options);
}

// The request every client sends. <unk>, <s> and </s> (ids 0-2 of the trained tokenizer) are
// banned: EOS would end a stream early and the other two stream no text.
std::string request_body(const std::string& model_id, int64_t max_tokens) {
  QJsonObject bias{{"0", -100}, {"1", -100}, {"2", -100}};
  QJsonObject body{{"model", QString::fromStdString(model_id)},
                   {"prompt", QString::fromUtf8(kPrompt)},
                   {"max_tokens", static_cast<qint64>(max_tokens)},
                   {"temperature", 0},
                   {"logit_bias", bias},
                   {"stream", true},
                   {"stream_options", QJsonObject{{"include_usage", true}}}};
  return QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString();
}

// One completion as its client (or the generator's callback) saw it.
struct Timing {
  double sent = 0;                 // request written / answer() called
  double done = 0;                 // [DONE] arrived / answer() returned
  double cpu_seconds = 0;          // of this whole process (server and client) meanwhile
  std::vector<double> text_times;  // arrival of every chunk (callback) that carried text
  int64_t prompt_tokens = -1;
  int64_t completion_tokens = -1;
  std::string text;

  double tokens_per_second() const { return completion_tokens / (done - sent); }
  // Under load from other processes this moves far less than the wall-clock rate.
  double tokens_per_cpu_second() const { return completion_tokens / cpu_seconds; }
  // Tokens after the first over the time from first to last text (prefill and HTTP set-up left out).
  double decode_tokens_per_second() const {
    return text_times.size() < 2 ? 0 : (completion_tokens - 1) / (text_times.back() - text_times.front());
  }
};

// Streams one completion and records when each server-sent event arrived.
Timing stream_completion(int port, const std::string& key, const std::string& body) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(300);
  Timing timing;
  std::string pending, error_body;
  bool finished = false;
  httplib::Request request;
  request.method = "POST";
  request.path = "/v1/completions";
  request.headers = {{"Authorization", "Bearer " + key}};
  request.set_header("Content-Type", "application/json");
  request.body = body;
  request.content_receiver = [&](const char* data, size_t length, uint64_t, uint64_t) {
    const double now = bench::now_seconds();
    pending.append(data, length);
    for (size_t end; (end = pending.find("\n\n")) != std::string::npos; pending.erase(0, end + 2)) {
      const std::string event = pending.substr(0, end);
      if (event.rfind("data: ", 0) != 0) {
        error_body += event;
        continue;
      }
      const std::string data_text = event.substr(6);
      if (data_text == "[DONE]") {
        finished = true;
        timing.done = now;
        continue;
      }
      const QJsonObject chunk = QJsonDocument::fromJson(QByteArray::fromStdString(data_text)).object();
      if (chunk.contains("error")) error_body += data_text;
      if (chunk["usage"].isObject()) {
        timing.prompt_tokens = chunk["usage"]["prompt_tokens"].toInteger(-1);
        timing.completion_tokens = chunk["usage"]["completion_tokens"].toInteger(-1);
      }
      const QJsonArray choices = chunk["choices"].toArray();
      const QString text = choices.isEmpty() ? QString() : choices[0].toObject()["text"].toString();
      if (!text.isEmpty()) {
        timing.text_times.push_back(now);
        timing.text += text.toStdString();
      }
    }
    return true;
  };
  const double cpu_start = bench::cpu_seconds();
  timing.sent = bench::now_seconds();
  auto result = client.send(request);
  timing.cpu_seconds = bench::cpu_seconds() - cpu_start;
  if (!result) throw std::runtime_error("serve request failed: " + httplib::to_string(result.error()));
  if (result->status != 200 || !finished || !error_body.empty())
    throw std::runtime_error("serve request: HTTP " + std::to_string(result->status) + " " + error_body + pending);
  return timing;
}

// The same request through the chat engine, as `medlora generate` answers it.
Timing generate_directly(generate::ChatEngine& engine, const generate::ChatRequest& chat) {
  Timing timing;
  const double cpu_start = bench::cpu_seconds();
  timing.sent = bench::now_seconds();
  const auto reply = engine.answer(chat, [&](const std::string& piece, int64_t) {
    if (!piece.empty()) timing.text_times.push_back(bench::now_seconds());
  });
  timing.done = bench::now_seconds();
  timing.cpu_seconds = bench::cpu_seconds() - cpu_start;
  timing.prompt_tokens = reply.prompt_tokens;
  timing.completion_tokens = static_cast<int64_t>(reply.tokens.size());
  timing.text = reply.text;
  return timing;
}

// Nearest-rank percentile, in milliseconds.
double percentile_ms(std::vector<double> seconds, double p) {
  if (seconds.empty()) return 0;
  std::sort(seconds.begin(), seconds.end());
  const size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(seconds.size())));
  return seconds[std::clamp<size_t>(rank, 1, seconds.size()) - 1] * 1000.0;
}

// p50/p99 of time to first token and of the gaps between text chunks over `streams`.
QJsonObject latency_report(const std::vector<Timing>& streams) {
  std::vector<double> first, gaps;
  double chunks = 0, tokens = 0;
  for (const auto& s : streams) {
    if (!s.text_times.empty()) first.push_back(s.text_times.front() - s.sent);
    for (size_t i = 1; i < s.text_times.size(); ++i) gaps.push_back(s.text_times[i] - s.text_times[i - 1]);
    chunks += static_cast<double>(s.text_times.size());
    tokens += static_cast<double>(s.completion_tokens);
  }
  return {{"time_to_first_token_ms", QJsonObject{{"p50", percentile_ms(first, 50)}, {"p99", percentile_ms(first, 99)}}},
          {"inter_token_ms", QJsonObject{{"p50", percentile_ms(gaps, 50)}, {"p99", percentile_ms(gaps, 99)}}},
          {"text_chunks_per_token", chunks / tokens}};
}

// Every stream must decode the generator's input to exactly max_tokens.
void check_length(const Timing& t, int64_t prompt_tokens, int64_t max_tokens, const char* what) {
  if (t.prompt_tokens != prompt_tokens)
    throw std::runtime_error(std::string(what) + " read " + std::to_string(t.prompt_tokens) +
                             " prompt tokens, the generator " + std::to_string(prompt_tokens));
  if (t.completion_tokens != max_tokens)
    throw std::runtime_error(std::string(what) + " produced " + std::to_string(t.completion_tokens) + " tokens, not " +
                             std::to_string(max_tokens) + " (is EOS banned?)");
}

// Text chunks a second over the span where every stream was past its first token and none had
// finished: the batch at full size, without the joins' prefills (a chunk is a token wherever
// text_chunks_per_token is 1).
double steady_tokens_per_second(const std::vector<Timing>& round) {
  double from = 0, to = 1e300, chunks = 0;
  for (const auto& s : round) {
    from = std::max(from, s.text_times.front());
    to = std::min(to, s.text_times.back());
  }
  for (const auto& s : round)
    chunks += static_cast<double>(std::count_if(s.text_times.begin(), s.text_times.end(),
                                                [&](double t) { return t > from && t <= to; }));
  return to > from ? chunks / (to - from) : 0;
}

struct Round {
  Timing total;  // first request sent to last [DONE], every stream's tokens
  double steady_tokens_per_second = 0;
};

// `clients` streams at once (each on its own thread and connection), appended to `streams`.
Round concurrent_round(int port, const std::string& key, const std::string& body, int clients,
                        std::vector<Timing>& streams) {
  std::vector<Timing> round(static_cast<size_t>(clients));
  std::vector<std::string> failures(static_cast<size_t>(clients));
  std::latch ready(clients);
  const double cpu_start = bench::cpu_seconds();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      ready.arrive_and_wait();
      try {
        round[c] = stream_completion(port, key, body);
      } catch (const std::exception& e) {
        failures[c] = e.what();
      }
    });
  for (auto& t : threads) t.join();
  Round result;
  Timing& total = result.total;
  total.cpu_seconds = bench::cpu_seconds() - cpu_start;
  total.sent = 1e300;
  total.completion_tokens = 0;
  for (int c = 0; c < clients; ++c) {
    if (!failures[c].empty()) throw std::runtime_error("concurrent client " + std::to_string(c) + ": " + failures[c]);
    if (round[c].text_times.empty()) throw std::runtime_error("concurrent client " + std::to_string(c) + ": no text");
    total.sent = std::min(total.sent, round[c].sent);
    total.done = std::max(total.done, round[c].done);
    total.completion_tokens += round[c].completion_tokens;
    streams.push_back(round[c]);
  }
  result.steady_tokens_per_second = steady_tokens_per_second(round);
  return result;
}

// Milliseconds for `count` prefills of `prompt`, one by one or in one pass.
double prefill_ms(serve::BatchDecoder& decoder, const std::vector<int64_t>& prompt, int count, bool together) {
  std::vector<model::KVCache> caches;
  for (int i = 0; i < count; ++i) caches.push_back(decoder.make_cache(static_cast<int64_t>(prompt.size()) + 1));
  const double start = bench::now_seconds();
  if (together) {
    std::vector<model::KVCache*> pointers;
    for (auto& cache : caches) pointers.push_back(&cache);
    decoder.prefill_together(std::vector<std::vector<int64_t>>(static_cast<size_t>(count), prompt), pointers);
  } else {
    for (auto& cache : caches) decoder.prefill(prompt, cache);
  }
  return (bench::now_seconds() - start) * 1000.0;
}

// `medlora serve --cache-size 0 --max-batch N --port 0` on the fixed model, running until destroyed.
class InProcessServer {
 public:
  InProcessServer(const std::filesystem::path& model_dir, const runtime::ComputeOptions& compute,
                  const std::string& workspace, size_t max_batch)
      : engine_(model_dir, compute), scheduler_(engine_, scheduler_options(workspace, max_batch)) {
    serve::ApiOptions api_options;
    api_options.keys_workspace = workspace;
    api_options.cache_entries = 0;
    models_ = {model_dir.filename().string(), engine_.adapter_names(), false};
    defaults_.validate();
    api_ = std::make_unique<serve::ServeApi>(api_options, scheduler_, models_, defaults_, nullptr, nullptr);
    serve::HttpServerOptions http_options;
    http_options.host = "127.0.0.1";
    http_options.port = 0;
    http_options.threads = max_batch + scheduler_.options().max_queue + 8;
    server_ = std::make_unique<serve::HttpServer>(*api_, http_options);
    port_ = server_->bind();
    scheduler_.start();
    thread_ = std::thread([this] { server_->run(); });
  }
  ~InProcessServer() {
    api_->begin_drain();
    scheduler_.stop();
    server_->stop();
    thread_.join();
  }
  int port() const { return port_; }
  const serve::ServedModels& models() const { return models_; }
  const generate::SamplingParams& defaults() const { return defaults_; }

 private:
  static serve::SchedulerOptions scheduler_options(const std::string& workspace, size_t max_batch) {
    serve::SchedulerOptions options;
    options.max_batch = max_batch;
    options.knowledge_workspace = workspace;
    return options;
  }

  generate::ChatEngine engine_;
  serve::Scheduler scheduler_;
  serve::ServedModels models_;
  generate::SamplingParams defaults_;  // the server's defaults when no option is given
  std::unique_ptr<serve::ServeApi> api_;
  std::unique_ptr<serve::HttpServer> server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace

int main(int argc, char** argv) {
  medlora::runtime::configure_allocator();  // as the medlora executable does
  return bench::run_main([&] {
    bench::Args args(argc, argv);
    const auto compute = runtime::resolve_compute("cpu", args.get("dtype", "float32"),
                                                  static_cast<int>(args.get_int("threads", 2)));
    const int64_t max_tokens = args.get_int("max-tokens", 128);
    const int clients = static_cast<int>(args.get_int("clients", 8));
    const int repeats = static_cast<int>(args.get_int("repeats", 3));
    const size_t max_batch = static_cast<size_t>(args.get_int("max-batch", 8));
    args.check_all_used();
    if (max_tokens < 2 || clients < 1 || repeats < 1 || max_batch < 1)
      throw std::invalid_argument("--max-tokens must be at least 2, --clients, --repeats and --max-batch at least 1");
    signal(SIGPIPE, SIG_IGN);  // as medlora serve: a client that hangs up is a failed write

    QTemporaryDir dir;
    const std::filesystem::path model_dir = std::filesystem::path(dir.path().toStdString()) / "fixed-bench";
    write_model_folder(model_dir);
    const std::string workspace = dir.filePath("serve.mlw").toStdString();
    std::string key;
    {
      store::Workspace keys_workspace(workspace);
      key = store::ServeKeyRepository(keys_workspace).create("bench", 0, 0).secret;
    }

    InProcessServer server(model_dir, compute, workspace, max_batch);
    const std::string body = request_body(server.models().base_id, max_tokens);
    const auto parsed = serve::parse_request(serve::Endpoint::Completions, body, server.models(), server.defaults());
    generate::ChatEngine generator_engine(model_dir, compute);

    // Warm-up (the first forward passes allocate), then generator and server in turn.
    const int64_t prompt_tokens = generate_directly(generator_engine, parsed.chat).prompt_tokens;
    stream_completion(server.port(), key, body);
    std::vector<Timing> generator_runs, single_runs, concurrent_runs, concurrent_streams;
    int matching_generator = 0;
    double steady = 0;
    for (int r = 0; r < repeats; ++r) {
      generator_runs.push_back(generate_directly(generator_engine, parsed.chat));
      check_length(generator_runs.back(), prompt_tokens, max_tokens, "the generator");
      single_runs.push_back(stream_completion(server.port(), key, body));
      check_length(single_runs.back(), prompt_tokens, max_tokens, "a server stream");
      const size_t before = concurrent_streams.size();
      const Round round = concurrent_round(server.port(), key, body, clients, concurrent_streams);
      concurrent_runs.push_back(round.total);
      steady = std::max(steady, round.steady_tokens_per_second);
      for (size_t i = before; i < concurrent_streams.size(); ++i) {
        check_length(concurrent_streams[i], prompt_tokens, max_tokens, "a concurrent stream");
        matching_generator += concurrent_streams[i].text == generator_runs.front().text;
      }
    }

    serve::BatchDecoder prefill_decoder(generator_engine.model());
    const auto prompt_ids = generator_engine.prepare_answer(parsed.chat).reply.prompt_ids;
    double one_by_one_ms = 1e300, together_ms = 1e300;
    prefill_ms(prefill_decoder, prompt_ids, clients, true);  // allocates the batch's shapes once
    for (int r = 0; r < repeats; ++r) {
      one_by_one_ms = std::min(one_by_one_ms, prefill_ms(prefill_decoder, prompt_ids, clients, false));
      together_ms = std::min(together_ms, prefill_ms(prefill_decoder, prompt_ids, clients, true));
    }

    auto best = [](const std::vector<Timing>& runs, double (Timing::*rate)() const) {
      double value = 0;
      for (const auto& t : runs) value = std::max(value, (t.*rate)());
      return value;
    };
    const double generator_tps = best(generator_runs, &Timing::tokens_per_second);
    const double single_tps = best(single_runs, &Timing::tokens_per_second);
    const double concurrent_tps = best(concurrent_runs, &Timing::tokens_per_second);
    QJsonObject result{{"benchmark", "serve"},
                       {"dtype", QString::fromStdString(runtime::dtype_name(compute.dtype))},
                       {"threads", compute.threads},
                       {"omp_wait_policy", bench::omp_wait_policy()},
                       {"endpoint", "/v1/completions (stream)"},
                       {"prompt_tokens", static_cast<qint64>(prompt_tokens)},
                       {"max_tokens", static_cast<qint64>(max_tokens)},
                       {"clients", clients},
                       {"max_batch", static_cast<qint64>(max_batch)},
                       {"repeats", repeats},
                       {"generator_tokens_per_second", generator_tps},
                       {"generator_decode_tokens_per_second", best(generator_runs, &Timing::decode_tokens_per_second)},
                       {"server_single_tokens_per_second", single_tps},
                       {"server_single_decode_tokens_per_second", best(single_runs, &Timing::decode_tokens_per_second)},
                       {"server_to_generator_ratio", single_tps / generator_tps},
                       {"generator_tokens_per_cpu_second", best(generator_runs, &Timing::tokens_per_cpu_second)},
                       {"server_single_tokens_per_cpu_second", best(single_runs, &Timing::tokens_per_cpu_second)},
                       {"server_to_generator_ratio_per_cpu_second", best(single_runs, &Timing::tokens_per_cpu_second) /
                                                                         best(generator_runs, &Timing::tokens_per_cpu_second)},
                       {"server_single_text_equals_generator", single_runs.front().text == generator_runs.front().text},
                       {"single", latency_report(single_runs)},
                       {"concurrent_total_tokens_per_second", concurrent_tps},
                       {"concurrent_to_single_ratio", concurrent_tps / single_tps},
                       {"concurrent_steady_tokens_per_second", steady},
                       {"concurrent_steady_to_single_decode_ratio",
                        steady / best(single_runs, &Timing::decode_tokens_per_second)},
                       {"concurrent_tokens_per_cpu_second", best(concurrent_runs, &Timing::tokens_per_cpu_second)},
                       {"concurrent", latency_report(concurrent_streams)},
                       {"concurrent_streams_equal_to_generator_text", matching_generator},
                       {"concurrent_streams", static_cast<qint64>(concurrent_streams.size())},
                       {"prefill", QJsonObject{{"prompts", clients},
                                               {"one_by_one_ms", one_by_one_ms},
                                               {"together_ms", together_ms},
                                               {"speedup", one_by_one_ms / together_ms}}},
                       {"peak_rss_bytes", bench::peak_rss_bytes()}};
    bench::print_json(result);
  });
}
