#pragma once
// How the Datasets panel names and colours a record's review status, in the user's language.
#include <QColor>
#include <QString>

#include "core/data/dataset_record.h"

namespace medlora::ui {

// "Pending", "Approved", "Rejected", "Needs edit" (translated).
QString review_status_label(data::ReviewStatus status);
// A light background that tells the statuses apart in the table.
QColor review_status_colour(data::ReviewStatus status);

inline constexpr data::ReviewStatus kAllReviewStatuses[] = {
    data::ReviewStatus::Pending, data::ReviewStatus::Approved, data::ReviewStatus::Rejected,
    data::ReviewStatus::NeedsEdit};

}  // namespace medlora::ui
