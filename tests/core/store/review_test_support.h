#pragma once
// Shared by the review store tests: a workspace with a lead, three doctors and a study of three
// systems x four questions whose system names, codes and metadata are distinctive strings, so
// that a leak into a reviewer's view can be searched for.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/reviewer_queue.h"
#include "core/store/workspace.h"
#include "store_test_support.h"

namespace medlora::store::testing {

// Few PBKDF2 iterations keep account set-up fast; review_accounts_test checks the default.
constexpr int kTestIterations = 1000;
constexpr uint64_t kTestSeed = 20240501;

inline const std::vector<std::string>& test_system_names() {
  static const std::vector<std::string> names = {"base-llama-xq7", "adapter-chronic-zv2", "merged-gp-kw9"};
  return names;
}
inline const std::string kSecretMetadataValue = "/models/secret-checkpoint-881";

inline std::vector<AnswerInput> test_answers(int questions = 4) {
  std::vector<AnswerInput> answers;
  for (int q = 1; q <= questions; ++q) {
    for (size_t sys = 0; sys < test_system_names().size(); ++sys) {
      AnswerInput input;
      input.item = "item-" + std::to_string(q);
      input.question = "What should a patient with fever number " + std::to_string(q) + " do?";
      input.system = test_system_names()[sys];
      input.answer = "Drink water and rest; variant " + std::to_string(q * 10 + static_cast<int>(sys)) + ".";
      input.reference = "Rest, fluids, and see a doctor after three days (" + std::to_string(q) + ").";
      input.system_kind = sys == 0 ? "base" : sys == 1 ? "adapter" : "merged";
      input.system_metadata_json = "{\"model_path\": \"" + kSecretMetadataValue + "\", \"temperature\": 0.7}";
      answers.push_back(input);
    }
  }
  return answers;
}

class ReviewStudyFixture : public TempWorkspaceTest {
 protected:
  void SetUp() override {
    TempWorkspaceTest::SetUp();
    ws_ = std::make_unique<Workspace>(file());
    ReviewerAccounts accounts(*ws_, kTestIterations);
    lead_ = std::make_unique<ReviewerAccount>(accounts.create_first_lead("lead-li", "lead-password"));
    for (const char* name : {"dr-a", "dr-b", "dr-c"}) {
      accounts.create(*lead_, name, "doctor", std::string(name) + "-password");
      doctors_.emplace(name, *accounts.authenticate(name, std::string(name) + "-password"));
    }
    ReviewStudyRepository studies(*ws_);
    study_ = studies.create_study(*lead_, "fever study", "test fixture", 3, kTestSeed);
    studies.add_answers(*lead_, study_, test_answers());
  }
  void TearDown() override { ws_.reset(); }

  void assign_all(std::optional<int> overlap = std::nullopt) {
    ReviewStudyRepository(*ws_).assign(*lead_, study_, {"dr-a", "dr-b", "dr-c"}, overlap);
  }
  const ReviewerAccount& doctor(const std::string& name) const { return doctors_.at(name); }
  ReviewerQueue queue_of(const std::string& name) { return ReviewerQueue(*ws_, doctor(name), study_); }

  static ScoreEntry scores(int a, int s, int c, int r, bool harmful = false, int severity = 0,
                           const std::string& comment = "") {
    ScoreEntry entry;
    entry.accuracy = a;
    entry.safety = s;
    entry.completeness = c;
    entry.readability = r;
    entry.harmful = harmful;
    entry.severity = severity;
    entry.comment = comment;
    return entry;
  }

  std::unique_ptr<Workspace> ws_;
  std::unique_ptr<ReviewerAccount> lead_;
  std::map<std::string, ReviewerAccount> doctors_;
  int64_t study_ = 0;
};

}  // namespace medlora::store::testing
