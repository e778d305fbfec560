#include "core/store/score_draft_json.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace medlora::store {

QString draft_to_json(const ScoreEntry& draft) {
  QJsonObject object{{"harmful", draft.harmful}, {"severity", draft.severity},
                     {"comment", QString::fromStdString(draft.comment)}};
  for (size_t i = 0; i < kReviewAxes.size(); ++i)
    if (draft.axis(i)) object.insert(kReviewAxes[i], *draft.axis(i));
  return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

ScoreEntry draft_from_json(const QString& json) {
  const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
  ScoreEntry draft;
  for (size_t i = 0; i < kReviewAxes.size(); ++i)
    if (object.value(kReviewAxes[i]).isDouble()) draft.axis(i) = object.value(kReviewAxes[i]).toInt();
  draft.harmful = object.value("harmful").toBool();
  draft.severity = object.value("severity").toInt();
  draft.comment = object.value("comment").toString().toStdString();
  return draft;
}

}  // namespace medlora::store
