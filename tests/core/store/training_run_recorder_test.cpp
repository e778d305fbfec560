#include "core/store/training_run_recorder.h"

#include <gtest/gtest.h>

#include "core/store/workspace.h"
#include "tests/core/store/store_test_support.h"

namespace medlora::store {
namespace {

using RecorderTest = testing::TempWorkspaceTest;

TEST_F(RecorderTest, TrainerLinesBecomeMetricsCheckpointsAndAFinishedRun) {
  Workspace workspace(file());
  TrainingRunRecorder recorder(workspace, "run-a", "/runs/a", R"({"lora":{"r":8}})", false);
  recorder.record({{"event", "started"}, {"step", 0}});
  recorder.record({{"step", 10}, {"loss", 2.5}, {"learning_rate", 1e-4}, {"grad_norm", 0.9}});
  recorder.record({{"step", 20}, {"loss", 2.0}, {"learning_rate", 2e-4}, {"grad_norm", 0.8}});
  recorder.record({{"step", 20}, {"eval_loss", 2.2}, {"eval_perplexity", 9.0}});
  recorder.record({{"event", "checkpoint"}, {"step", 20}, {"path", "/runs/a/checkpoint-20"}});
  recorder.record({{"event", "checkpoint"}, {"step", 30}, {"path", "/runs/a/checkpoint-30"}});
  recorder.record({{"event", "finished"}, {"step", 30}, {"reason", "completed"}, {"best_eval_loss", 2.2},
                   {"best_checkpoint", "checkpoint-20"}});

  RunRepository runs(workspace);
  const auto run = runs.find(recorder.run_id());
  ASSERT_TRUE(run.has_value());
  EXPECT_EQ(run->status, "finished");
  EXPECT_FALSE(run->finished_at.empty());
  ASSERT_TRUE(run->best_eval_loss.has_value());
  EXPECT_DOUBLE_EQ(*run->best_eval_loss, 2.2);
  const auto loss = runs.metric(run->id, "train", "loss");
  ASSERT_EQ(loss.size(), 2u);
  EXPECT_EQ(loss[1].step, 20);
  EXPECT_DOUBLE_EQ(loss[1].value, 2.0);
  EXPECT_EQ(runs.metric(run->id, "eval", "eval_loss").size(), 1u);
  const auto checkpoints = runs.checkpoints(run->id);
  ASSERT_EQ(checkpoints.size(), 2u);
  EXPECT_TRUE(checkpoints[0].is_best);
  EXPECT_FALSE(checkpoints[1].is_best);
  ASSERT_TRUE(checkpoints[0].eval_loss.has_value());
  EXPECT_FALSE(checkpoints[1].eval_loss.has_value());
}

TEST_F(RecorderTest, AResumedRunContinuesItsRowAndRepeatedStepsReplacePoints) {
  Workspace workspace(file());
  int64_t first_id = 0;
  {
    TrainingRunRecorder recorder(workspace, "run-b", "/runs/b", "{}", false);
    first_id = recorder.run_id();
    recorder.record({{"step", 10}, {"loss", 3.0}});
    recorder.record({{"step", 20}, {"loss", 2.9}});
    recorder.close("stopped");
  }
  EXPECT_EQ(RunRepository(workspace).find(first_id)->status, "stopped");
  TrainingRunRecorder resumed(workspace, "run-b", "/runs/b", "{}", true);
  EXPECT_EQ(resumed.run_id(), first_id);
  EXPECT_EQ(RunRepository(workspace).find(first_id)->status, "running");
  resumed.record({{"step", 20}, {"loss", 2.7}});
  const auto loss = RunRepository(workspace).metric(first_id, "train", "loss");
  ASSERT_EQ(loss.size(), 2u);
  EXPECT_DOUBLE_EQ(loss[1].value, 2.7);
}

TEST_F(RecorderTest, ADistillRunsTermsAreStoredByStepAndAPlainRunHasNone) {
  Workspace workspace(file());
  TrainingRunRecorder distilled(workspace, "run-d", "/runs/d", R"({"mode":"distill"})", false);
  // Lines as the trainer's log_window writes them for "mode": "distill".
  for (int step = 1; step <= 3; ++step)
    distilled.record({{"step", step}, {"loss", 2.0 - 0.1 * step}, {"learning_rate", 1e-4}, {"grad_norm", 0.5},
                      {"kl_loss", 1.5 / step}, {"ce_loss", 2.5 - 0.2 * step}, {"teacher_agreement", 0.25 * step}});
  distilled.record({{"step", 2}, {"eval_loss", 2.1}, {"eval_perplexity", 8.2}});
  TrainingRunRecorder plain(workspace, "run-p", "/runs/p", "{}", false);
  plain.record({{"step", 1}, {"loss", 3.0}, {"learning_rate", 1e-4}});

  RunRepository runs(workspace);
  const auto kl = runs.metric(distilled.run_id(), "train", "kl_loss");
  const auto ce = runs.metric(distilled.run_id(), "train", "ce_loss");
  const auto agreement = runs.metric(distilled.run_id(), "train", "teacher_agreement");
  ASSERT_EQ(kl.size(), 3u);
  ASSERT_EQ(ce.size(), 3u);
  ASSERT_EQ(agreement.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(kl[i].step, i + 1);
    EXPECT_DOUBLE_EQ(kl[i].value, 1.5 / (i + 1));
    EXPECT_DOUBLE_EQ(ce[i].value, 2.5 - 0.2 * (i + 1));
    EXPECT_DOUBLE_EQ(agreement[i].value, 0.25 * (i + 1));
  }
  // The terms are training metrics: none under "eval", and the ordinary ones are still there.
  EXPECT_TRUE(runs.metric(distilled.run_id(), "eval", "kl_loss").empty());
  EXPECT_EQ(runs.metric(distilled.run_id(), "train", "loss").size(), 3u);
  for (const char* term : {"kl_loss", "ce_loss", "teacher_agreement"})
    EXPECT_TRUE(runs.metric(plain.run_id(), "train", term).empty()) << term;
}

TEST_F(RecorderTest, AResumedDistillRunReplacesTheTermsOfRepeatedSteps) {
  Workspace workspace(file());
  int64_t id = 0;
  {
    TrainingRunRecorder recorder(workspace, "run-r", "/runs/r", "{}", false);
    id = recorder.run_id();
    recorder.record({{"step", 1}, {"loss", 2.0}, {"kl_loss", 1.0}, {"ce_loss", 2.2}, {"teacher_agreement", 0.1}});
    recorder.record({{"step", 2}, {"loss", 1.9}, {"kl_loss", 0.9}, {"ce_loss", 2.1}, {"teacher_agreement", 0.2}});
    recorder.close("stopped");
  }
  TrainingRunRecorder resumed(workspace, "run-r", "/runs/r", "{}", true);
  resumed.record({{"step", 2}, {"loss", 1.8}, {"kl_loss", 0.7}, {"ce_loss", 2.0}, {"teacher_agreement", 0.4}});
  const auto kl = RunRepository(workspace).metric(id, "train", "kl_loss");
  ASSERT_EQ(kl.size(), 2u);
  EXPECT_DOUBLE_EQ(kl[1].value, 0.7);
  EXPECT_DOUBLE_EQ(RunRepository(workspace).metric(id, "train", "teacher_agreement")[1].value, 0.4);
}

TEST_F(RecorderTest, AnErrorLineMarksTheRunFailed) {
  Workspace workspace(file());
  TrainingRunRecorder recorder(workspace, "run-c", "/runs/c", "{}", false);
  recorder.record({{"event", "error"}, {"step", 3}, {"message", "out of memory"}});
  recorder.close("stopped");  // already closed: stays failed
  EXPECT_EQ(RunRepository(workspace).find(recorder.run_id())->status, "failed");
  EXPECT_EQ(RunRepository(workspace).list().size(), 1u);
}

}  // namespace
}  // namespace medlora::store
