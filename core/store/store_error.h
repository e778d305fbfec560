#pragma once
// The one error type of the workspace store: a message a user can act on, naming the workspace
// file (and the record, dataset or line) it is about.
#include <stdexcept>
#include <string>

namespace medlora::store {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace medlora::store
