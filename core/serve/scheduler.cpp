#include "core/serve/scheduler.h"

#include "core/lora/adapter_registry.h"  // torch headers before Qt ones

#include <torch/torch.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/generate/chat_engine.h"
#include "core/generate/decoding_sequence.h"
#include "core/model/llama_model.h"
#include "core/serve/batch_decoder.h"
#include "core/serve/prefill_plan.h"
#include "core/store/knowledge_base.h"
#include "core/store/workspace.h"
#include "core/tokenizer/tokenizer.h"

namespace medlora::serve {

// A sequence in the batch: its job, what prepare_answer() made of the request, the decoding
// state, its KV cache and the logits of its last position.
struct Scheduler::Running {
  std::shared_ptr<ServeJob> job;
  generate::ChatRequest chat;
  generate::ChatReply reply;
  generate::DecodingSequence sequence;
  model::KVCache cache;
  at::Tensor logits;
};

Scheduler::Scheduler(generate::ChatEngine& engine, SchedulerOptions options)
    : engine_(engine), options_(std::move(options)) {
  options_.max_batch = std::max<size_t>(1, options_.max_batch);
}

Scheduler::~Scheduler() { stop(); }

void Scheduler::start() {
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

bool Scheduler::submit(const std::shared_ptr<ServeJob>& job) {
  std::lock_guard lock(mutex_);
  if (stopping_ || !thread_.joinable()) return false;
  // A request that finds room in the batch does not count against the queue.
  if (queue_.size() + active_ >= options_.max_queue + options_.max_batch) return false;
  queue_.push_back(job);
  wake_.notify_one();
  return true;
}

void Scheduler::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

size_t Scheduler::queue_length() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

size_t Scheduler::active() const {
  std::lock_guard lock(mutex_);
  return active_;
}

void Scheduler::run() {
  // The knowledge base belongs to this thread (one Qt SQL connection per thread).
  std::unique_ptr<store::Workspace> workspace;
  std::unique_ptr<store::KnowledgeBase> knowledge;
  if (!options_.knowledge_workspace.empty()) {
    workspace = store::Workspace::open_for_this_thread(options_.knowledge_workspace);
    knowledge = std::make_unique<store::KnowledgeBase>(*workspace);
  }
  torch::NoGradGuard no_grad;  // thread-local: set on the thread that computes
  BatchDecoder decoder(engine_.model());
  const auto& config = engine_.model()->config();
  std::vector<int64_t> eos_ids = config.eos_token_ids;
  for (int64_t id : engine_.tokenizer()->eos_ids())
    if (std::find(eos_ids.begin(), eos_ids.end(), id) == eos_ids.end()) eos_ids.push_back(id);

  std::vector<std::unique_ptr<Running>> batch;
  size_t turn = 0;  // which adapter group decodes next

  // A slot is given back before its client hears the answer, so that a client that sends its
  // next request at once is never refused for a slot that is already free.
  auto release_slot = [&] {
    std::lock_guard lock(mutex_);
    if (active_ > 0) --active_;
  };
  auto finish = [&](Running& running) {
    auto* job = running.job.get();
    auto result = running.sequence.finish([job](const std::string& piece, int64_t) {
      if (!piece.empty()) job->push_piece(piece);
    });
    engine_.complete_answer(running.chat, running.reply, std::move(result));
    release_slot();
    job->complete(std::move(running.reply));
  };

  // A job that cannot run: the error the client gets for the exception being handled.
  auto fail_current = [&](ServeJob& job) {
    release_slot();
    try {
      throw;
    } catch (const ApiError& e) {
      job.fail(e);
    } catch (const std::invalid_argument& e) {
      job.fail(bad_request("", e.what()));
    } catch (const std::exception& e) {
      job.fail(ApiError(500, "server_error", "generation_failed", e.what()));
    }
  };

  // Routes, grounds and encodes one request: its sequence, not yet prefilled (nullptr when the
  // request failed; the job has its answer then).
  auto prepare = [&](const std::shared_ptr<ServeJob>& job) -> std::unique_ptr<Running> {
    generate::ChatRequest chat = job->request().chat;
    if (job->request().ground) {
      if (!knowledge) {
        release_slot();
        job->fail(bad_request("medlora.ground", "grounding needs a knowledge base: start the server with --workspace"));
        return nullptr;
      }
      chat.grounding = options_.grounding;
      chat.grounding->knowledge_base = knowledge.get();
    }
    try {
      auto prepared = engine_.prepare_answer(chat);
      const auto& ids = prepared.reply.prompt_ids;
      // A max_tokens the client asked for that does not fit is a 400; the server's default is cut.
      const int64_t prompt_tokens = std::max<int64_t>(1, static_cast<int64_t>(ids.size()));
      check_context_length(job->request(), prompt_tokens, config.max_position_embeddings);
      prepared.sampling = generate::fit_to_context(prepared.sampling, prompt_tokens, config.max_position_embeddings);
      generate::DecodingSequence sequence(ids, prepared.sampling, engine_.tokenizer(), eos_ids, config.vocab_size,
                                          config.bos_token_id);
      auto cache = decoder.make_cache(static_cast<int64_t>(sequence.ids().size()) + prepared.sampling.max_new_tokens);
      return std::make_unique<Running>(Running{job, std::move(chat), std::move(prepared.reply), std::move(sequence),
                                               std::move(cache), {}});
    } catch (const std::exception&) {
      fail_current(*job);
      return nullptr;
    }
  };

  // The requests that join in one step: their prompts go through the model together, one
  // forward pass per adapter and similar prompt length (plan_prefill_passes), instead of one
  // prefill after another while the batch waits. Then they join the batch.
  auto join = [&](const std::vector<std::shared_ptr<ServeJob>>& jobs) {
    std::vector<std::unique_ptr<Running>> joining;
    for (const auto& job : jobs)
      if (auto running = prepare(job)) joining.push_back(std::move(running));
    std::map<std::string, std::vector<Running*>> by_adapter;
    for (auto& running : joining)
      if (running->sequence.wants_tokens()) by_adapter[running->reply.adapter].push_back(running.get());
    for (auto& [adapter, group] : by_adapter) {
      std::vector<int64_t> lengths;
      for (auto* running : group) lengths.push_back(static_cast<int64_t>(running->sequence.ids().size()));
      for (const auto& pass : plan_prefill_passes(lengths, options_.prefill)) {
        std::vector<std::vector<int64_t>> prompts;
        std::vector<model::KVCache*> caches;
        for (size_t index : pass) {
          prompts.push_back(group[index]->sequence.ids());
          caches.push_back(&group[index]->cache);
        }
        try {
          engine_.use_adapter(adapter);
          auto logits = decoder.prefill_together(prompts, caches);
          for (size_t i = 0; i < pass.size(); ++i) group[pass[i]]->logits = logits[static_cast<int64_t>(i)];
        } catch (const std::exception&) {
          for (size_t index : pass) {
            fail_current(*group[index]->job);
            group[index]->sequence.cancel();
          }
        }
      }
    }
    for (auto& running : joining) {
      if (running->sequence.done()) continue;  // its prefill failed: the job has its answer
      running->job->admit();
      batch.push_back(std::move(running));
    }
  };

  while (true) {
    std::vector<std::shared_ptr<ServeJob>> joining;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty() || !batch.empty(); });
      if (stopping_ && queue_.empty() && batch.empty()) break;
      while (!queue_.empty() && batch.size() + joining.size() < options_.max_batch) {
        joining.push_back(queue_.front());
        queue_.pop_front();
      }
      active_ = batch.size() + joining.size();
    }
    if (!joining.empty()) join(joining);

    // Sequences that are done (no tokens wanted) or whose client left, out of the batch.
    for (auto& running : batch) {
      if (running->job->cancel.load()) running->sequence.cancel();
      if (running->sequence.done()) finish(*running);
    }
    std::erase_if(batch, [](const auto& running) { return running->sequence.done(); });
    if (batch.empty()) {
      std::lock_guard lock(mutex_);
      active_ = 0;
      continue;
    }

    // One adapter group per step, in turn.
    std::set<std::string> adapters;
    for (const auto& running : batch) adapters.insert(running->reply.adapter);
    const std::string adapter = *std::next(adapters.begin(), static_cast<long>(turn++ % adapters.size()));
    std::vector<Running*> group;
    for (auto& running : batch)
      if (running->reply.adapter == adapter) group.push_back(running.get());

    std::vector<int64_t> tokens;
    std::vector<model::KVCache*> caches;
    std::vector<Running*> continuing;
    try {
      engine_.use_adapter(adapter);
      for (auto* running : group) {
        auto* job = running->job.get();
        const bool more = running->sequence.advance(running->logits, [job](const std::string& piece, int64_t) {
          if (!piece.empty()) job->push_piece(piece);
        });
        if (!more) {
          finish(*running);
          continue;
        }
        tokens.push_back(running->sequence.last_token());
        caches.push_back(&running->cache);
        continuing.push_back(running);
      }
      if (!continuing.empty()) {
        auto logits = decoder.step(tokens, caches);
        for (size_t i = 0; i < continuing.size(); ++i) continuing[i]->logits = logits[static_cast<int64_t>(i)];
      }
    } catch (const std::exception& e) {
      for (auto* running : group) {
        if (running->sequence.done()) continue;  // finished above: its slot is already free
        release_slot();
        running->job->fail(ApiError(500, "server_error", "generation_failed", e.what()));
        running->sequence.cancel();
      }
    }
    std::erase_if(batch, [](const auto& running) { return running->sequence.done(); });
  }
  std::lock_guard lock(mutex_);
  active_ = 0;
}

}  // namespace medlora::serve
