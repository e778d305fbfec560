#include "ui/datasets/review_status_text.h"

#include <QCoreApplication>

namespace medlora::ui {

QString review_status_label(data::ReviewStatus status) {
  switch (status) {
    case data::ReviewStatus::Pending: return QCoreApplication::translate("medlora::ui::ReviewStatus", "Pending");
    case data::ReviewStatus::Approved: return QCoreApplication::translate("medlora::ui::ReviewStatus", "Approved");
    case data::ReviewStatus::Rejected: return QCoreApplication::translate("medlora::ui::ReviewStatus", "Rejected");
    case data::ReviewStatus::NeedsEdit: return QCoreApplication::translate("medlora::ui::ReviewStatus", "Needs edit");
  }
  return {};
}

QColor review_status_colour(data::ReviewStatus status) {
  switch (status) {
    case data::ReviewStatus::Pending: return {};
    case data::ReviewStatus::Approved: return QColor(0xdf, 0xf5, 0xe1);
    case data::ReviewStatus::Rejected: return QColor(0xfb, 0xdf, 0xdf);
    case data::ReviewStatus::NeedsEdit: return QColor(0xfd, 0xf1, 0xd0);
  }
  return {};
}

}  // namespace medlora::ui
