#pragma once
// Local reviewer accounts of a workspace (doctor, lead, engineer) with passwords stored as a
// salted PBKDF2-HMAC-SHA256 hash (QPasswordDigestor, 16 random salt bytes, 100,000 iterations,
// the iteration count stored per account so that it can be raised later).
//
// A ReviewerAccount can only be obtained from authenticate() (or from creating the very first
// account): the review classes take one as proof of who is acting, and re-check its role against
// the workspace. Same thread rule as Workspace.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace medlora::store {

class Workspace;

// A signed-in account: who is acting.
class ReviewerAccount {
 public:
  int64_t id() const { return id_; }
  const std::string& name() const { return name_; }
  const std::string& role() const { return role_; }  // "doctor" | "lead" | "engineer"
  bool is_lead() const { return role_ == "lead"; }

 private:
  friend class ReviewerAccounts;
  ReviewerAccount(int64_t id, std::string name, std::string role)
      : id_(id), name_(std::move(name)), role_(std::move(role)) {}
  int64_t id_ = 0;
  std::string name_;
  std::string role_;
};

// An account as listed (no proof of anything).
struct ReviewerInfo {
  int64_t id = 0;
  std::string name;
  std::string role;
  std::string created_at;
};

class ReviewerAccounts {
 public:
  static constexpr int kPbkdf2Iterations = 100000;
  static constexpr int kMinimumPasswordLength = 8;

  // `iterations` applies to passwords set through this object (tests use fewer to stay fast);
  // authentication always uses the count stored with the account.
  explicit ReviewerAccounts(Workspace& workspace, int iterations = kPbkdf2Iterations)
      : ws_(workspace), iterations_(iterations) {}

  // True when the workspace has no account yet.
  bool empty() const;

  // The first account of a workspace must be a lead and is created without `acting` (it signs
  // in as that account at once). Throws StoreError when accounts exist already.
  ReviewerAccount create_first_lead(const std::string& name, const std::string& password);

  // A further account, created by a signed-in lead. Throws std::invalid_argument for a bad
  // name (empty, control characters, over 80 characters), role or a password shorter than
  // kMinimumPasswordLength; StoreError when `acting` is not a lead or the name is taken.
  // Logged in the audit log ("account-create").
  ReviewerInfo create(const ReviewerAccount& acting, const std::string& name, const std::string& role,
                      const std::string& password);

  // The account when `password` is right; std::nullopt (and a "login-failure" audit entry)
  // for an unknown name or a wrong password. The hash comparison is constant-time.
  std::optional<ReviewerAccount> authenticate(const std::string& name, const std::string& password);

  std::vector<ReviewerInfo> list() const;  // by name
  std::optional<ReviewerInfo> find(const std::string& name) const;

  // Throws StoreError unless `acting` still exists in this workspace with the same name and
  // role, and (when `required_role` is not empty) has that role.
  void verify(const ReviewerAccount& acting, const std::string& required_role = "") const;

 private:
  ReviewerInfo insert(const std::string& name, const std::string& role, const std::string& password);
  Workspace& ws_;
  int iterations_;
};

}  // namespace medlora::store
