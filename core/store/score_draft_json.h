#pragma once
// A draft ScoreEntry as the compact JSON object the stores keep it in (score_drafts.draft in the
// workspace, drafts.draft on a review server, the review-server outbox): set axes only, plus
// harmful, severity and comment.
#include <QString>

#include "core/store/review_types.h"

namespace medlora::store {

QString draft_to_json(const ScoreEntry& draft);
// Unknown keys are ignored; an axis that is not a number stays unset.
ScoreEntry draft_from_json(const QString& json);

}  // namespace medlora::store
