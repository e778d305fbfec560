#include "core/store/model_registry.h"

#include <gtest/gtest.h>

#include "core/store/run_repository.h"
#include "core/store/store_error.h"
#include "core/store/workspace.h"
#include "tests/core/store/store_test_support.h"

namespace medlora::store {
namespace {

using ModelRegistryTest = testing::TempWorkspaceTest;

TEST_F(ModelRegistryTest, ModelsAndAdaptersRegisterOncePerPath) {
  Workspace workspace(file());
  ModelRegistry registry(workspace);
  const auto model = registry.register_model("medlora-base", "/models/base");
  EXPECT_EQ(registry.register_model("again", "/models/base"), model);
  EXPECT_THROW(registry.register_model("x", "/models/x", "quantised"), StoreError);
  const auto adapter = registry.register_adapter("run-1", "/runs/1/final", model);
  EXPECT_EQ(registry.register_adapter("run-1 again", "/runs/1/final", model), adapter);
  ASSERT_EQ(registry.adapters().size(), 1u);
  EXPECT_EQ(registry.adapters()[0].model_id, model);
  EXPECT_TRUE(registry.remove_adapter(adapter));
  EXPECT_FALSE(registry.find_adapter(adapter).has_value());
}

TEST_F(ModelRegistryTest, RunsCarryNotesTagsPidAndTheirAdapter) {
  Workspace workspace(file());
  RunRepository runs(workspace);
  const auto run = runs.create_run("r", "/runs/r", "{}");
  runs.set_notes(run, "lr too high?");
  runs.set_tags(run, {"baseline", "r8"});
  runs.set_pid(run, 4242);
  EXPECT_THROW(runs.set_tags(run, {"a,b"}), StoreError);
  const auto adapter = ModelRegistry(workspace).register_adapter("r", "/runs/r/final", std::nullopt);
  runs.set_adapter(run, adapter);
  const auto found = runs.find(run);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->notes, "lr too high?");
  EXPECT_EQ(found->tags, (std::vector<std::string>{"baseline", "r8"}));
  EXPECT_EQ(found->pid, 4242);
  EXPECT_EQ(found->adapter_id, adapter);
  EXPECT_TRUE(runs.delete_run(run));
  EXPECT_FALSE(runs.find(run).has_value());
}

}  // namespace
}  // namespace medlora::store
