#pragma once
// The settings in which two run configs differ, flattened to dotted keys ("training.learning_rate"),
// for the History's side-by-side comparison.
#include <QJsonObject>
#include <QList>
#include <QString>

namespace medlora::ui {

struct ConfigDifference {
  QString key;
  QString left, right;  // compact JSON text; empty when the key is absent on that side
};

// Keys in sorted order; nested objects are compared key by key, arrays as a whole.
QList<ConfigDifference> diff_configs(const QJsonObject& left, const QJsonObject& right);

}  // namespace medlora::ui
