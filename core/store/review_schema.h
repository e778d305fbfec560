#pragma once
// Schema 3: blind review studies (systems, questions, answers, reviewers, assignments, scores
// with revisions, audit log).
#include "core/store/migrations.h"

namespace medlora::store {

Migration review_schema_migration();  // version 3

}  // namespace medlora::store
