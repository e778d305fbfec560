#pragma once
// A lead's workspace with a study of three systems x four questions (distinctive system names and
// metadata, so that a leak can be searched for), assigned to three doctors who are reviewers of
// a fresh review server under the same (cluster-wide unique) names.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/review_server/server_review_queue.h"
#include "core/review_server/study_publisher.h"
#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/workspace.h"
#include "tests/core/review_server/server_test_support.h"
#include "tests/support/temp_dir.h"

namespace medlora::testing {

inline const std::vector<std::string>& published_system_names() {
  static const std::vector<std::string> names = {"base-llama-xq7", "adapter-chronic-zv2", "merged-gp-kw9"};
  return names;
}
inline const char* kPublishedSecretMetadata = "/models/secret-checkpoint-881";

inline std::vector<store::AnswerInput> published_answers(int questions) {
  std::vector<store::AnswerInput> answers;
  for (int q = 1; q <= questions; ++q)
    for (size_t sys = 0; sys < published_system_names().size(); ++sys)
      answers.push_back({"item-" + std::to_string(q), "What should a patient with fever number " + std::to_string(q) + " do?",
                         published_system_names()[sys],
                         "Drink water and rest; variant " + std::to_string(q * 10 + static_cast<int>(sys)) + ".",
                         "Rest and fluids (" + std::to_string(q) + ").", sys == 0 ? "base" : sys == 1 ? "adapter" : "merged",
                         std::string("{\"model_path\": \"") + kPublishedSecretMetadata + "\"}"});
  return answers;
}

// A workspace whose study is assigned to `doctor_names` (created here as local accounts).
struct LeadWorkspace {
  std::unique_ptr<store::Workspace> ws;
  std::unique_ptr<store::ReviewerAccount> lead;
  std::map<std::string, store::ReviewerAccount> doctors;
  int64_t study = 0;

  LeadWorkspace(const std::string& file, const std::vector<std::string>& doctor_names, int questions = 4,
                const std::string& study_name = "fever study") {
    ws = std::make_unique<store::Workspace>(file);
    store::ReviewerAccounts accounts(*ws, 1000);
    lead = std::make_unique<store::ReviewerAccount>(accounts.create_first_lead("lead-li", "lead-password"));
    for (const auto& name : doctor_names) {
      accounts.create(*lead, name, "doctor", name + "-password");
      doctors.emplace(name, *accounts.authenticate(name, name + "-password"));
    }
    store::ReviewStudyRepository studies(*ws);
    study = studies.create_study(*lead, study_name, "test fixture", 3, 20240501);
    studies.add_answers(*lead, study, published_answers(questions));
    studies.assign(*lead, study, doctor_names);
  }
};

inline store::ScoreEntry score_of(int a, int s, int c, int r, bool harmful = false, int severity = 0,
                                  const std::string& comment = "") {
  store::ScoreEntry entry;
  entry.accuracy = a;
  entry.safety = s;
  entry.completeness = c;
  entry.readability = r;
  entry.harmful = harmful;
  entry.severity = severity;
  entry.comment = comment;
  return entry;
}

class PublishedStudyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* prefix : {"dr-a", "dr-b", "dr-c"}) names_.push_back(unique_name(prefix));
    server_ = std::make_unique<TestServer>("study");
    for (const auto& name : names_) review_server::add_reviewer(*server_->lead(), name, kReviewerPassword);
    local_ = std::make_unique<LeadWorkspace>((dir_ / "lead.medlora").string(), names_);
    lead_connection_ = server_->lead();
  }
  review_server::PublishResult publish() {
    return review_server::publish_study(*local_->ws, *local_->lead, local_->study, *lead_connection_);
  }
  // A doctor's own connection and queue (the connection must outlive the queue).
  struct Doctor {
    std::unique_ptr<review_server::ServerConnection> connection;
    std::unique_ptr<review_server::ServerReviewQueue> queue;
  };
  Doctor doctor(size_t index, const std::filesystem::path& outbox = {}) {
    Doctor d;
    d.connection = server_->as(names_.at(index));
    d.queue = std::make_unique<review_server::ServerReviewQueue>(*d.connection, "fever study",
                                                                 review_server::Outbox(outbox));
    return d;
  }

  TempDir dir_{"medlora-review-server"};
  std::vector<std::string> names_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<LeadWorkspace> local_;
  std::unique_ptr<review_server::ServerConnection> lead_connection_;
};

}  // namespace medlora::testing
