#pragma once
// RAII write transaction on a Workspace: commit() makes the changes durable; leaving the scope
// without commit() (an exception, an early return, a cancel) rolls everything back.
// The outermost Transaction is BEGIN IMMEDIATE (takes the write lock up front, so two writers
// wait on busy_timeout instead of dead-locking on a lock upgrade); nested ones are SAVEPOINTs,
// so a repository call inside a caller's Transaction joins it.
#include <string>

namespace medlora::store {

class Workspace;

class Transaction {
 public:
  explicit Transaction(Workspace& workspace);
  ~Transaction();  // rolls back unless committed; never throws
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Throws StoreError when the commit fails (the transaction is then rolled back).
  void commit();

 private:
  void rollback() noexcept;

  Workspace& workspace_;
  std::string savepoint_;  // empty for the outermost transaction
  bool open_ = true;
};

}  // namespace medlora::store
