#include "core/data/dataset_record.h"

#include <stdexcept>

namespace medlora::data {

const char* review_status_name(ReviewStatus status) {
  switch (status) {
    case ReviewStatus::Pending: return "pending";
    case ReviewStatus::Approved: return "approved";
    case ReviewStatus::Rejected: return "rejected";
    case ReviewStatus::NeedsEdit: return "needs-edit";
  }
  return "pending";
}

ReviewStatus parse_review_status(const std::string& name) {
  if (name == "pending") return ReviewStatus::Pending;
  if (name == "approved") return ReviewStatus::Approved;
  if (name == "rejected") return ReviewStatus::Rejected;
  if (name == "needs-edit") return ReviewStatus::NeedsEdit;
  throw std::invalid_argument("unknown review status '" + name + "' (pending, approved, rejected, needs-edit)");
}

}  // namespace medlora::data
