// The scheduler's slot count (queue + batch) against what is really running: a finished
// answer frees its slot before its client hears of it, and an idle server counts nothing, so
// that --max-queue 0 --max-batch 1 serves one request after another instead of answering 503.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/generate/chat_engine.h"
#include "core/serve/scheduler.h"
#include "tests/core/generate/chat_test_models.h"

namespace medlora::serve {
namespace {

std::shared_ptr<ServeJob> short_job() {
  ServeRequest request;
  request.endpoint = Endpoint::Completions;
  request.chat.question = "fever";
  request.chat.template_name = "raw";
  request.chat.sampling = generate::test::greedy_params(3);
  return std::make_shared<ServeJob>(request);
}

void wait_until_done(ServeJob& job) {
  while (!job.wait().finished()) {
  }
}

TEST(SchedulerSlots, OneSlotServesRequestsOneAfterAnother) {
  generate::ChatEngine engine(generate::test::chat_models().base, runtime::ComputeOptions{});
  SchedulerOptions options;
  options.max_queue = 0;
  options.max_batch = 1;
  Scheduler scheduler(engine, options);
  scheduler.start();
  for (int i = 0; i < 4; ++i) {
    auto job = short_job();
    ASSERT_TRUE(scheduler.submit(job)) << "request " << i << " refused with the only slot free";
    if (i == 0) {
      EXPECT_FALSE(scheduler.submit(short_job())) << "a second request found a slot while the first ran";
    }
    wait_until_done(*job);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (scheduler.active() != 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(scheduler.active(), 0u) << "an idle scheduler still counts a running sequence";
  EXPECT_EQ(scheduler.queue_length(), 0u);
  scheduler.stop();
}

}  // namespace
}  // namespace medlora::serve
