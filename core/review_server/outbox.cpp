#include "core/review_server/outbox.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "core/io/atomic_file.h"
#include "core/io/json_util.h"
#include "core/store/score_draft_json.h"

namespace medlora::review_server {
namespace {

constexpr std::array<OutboxEntry::Kind, 4> kKinds = {OutboxEntry::Kind::kDraft, OutboxEntry::Kind::kSubmit,
                                                     OutboxEntry::Kind::kRevise, OutboxEntry::Kind::kSkip};

OutboxEntry::Kind kind_from(const std::string& text, const std::filesystem::path& file) {
  for (const auto kind : kKinds)
    if (to_string(kind) == text) return kind;
  throw std::runtime_error("outbox " + file.string() + " has an entry of unknown kind '" + text + "'");
}

std::string now_utc() {
  return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
}

// Keeps a file name to letters, digits and ".-_@".
std::string file_safe(const std::string& text) {
  std::string safe;
  for (char c : text) safe += (std::isalnum(static_cast<unsigned char>(c)) || std::string(".-_@").find(c) != std::string::npos) ? c : '_';
  return safe;
}

}  // namespace

std::string to_string(OutboxEntry::Kind kind) {
  switch (kind) {
    case OutboxEntry::Kind::kDraft: return "draft";
    case OutboxEntry::Kind::kSubmit: return "submit";
    case OutboxEntry::Kind::kRevise: return "revise";
    case OutboxEntry::Kind::kSkip: return "skip";
  }
  return "submit";
}

Outbox::Outbox(std::filesystem::path path) : path_(std::move(path)) {
  if (path_.empty() || !std::filesystem::exists(path_)) return;
  QFile file(QString::fromStdString(path_.string()));
  if (!file.open(QIODevice::ReadOnly)) throw std::runtime_error("cannot read the outbox " + path_.string());
  QJsonParseError error{};
  const auto document = QJsonDocument::fromJson(file.readAll(), &error);
  if (error.error != QJsonParseError::NoError || !document.isArray())
    throw std::runtime_error("outbox " + path_.string() + " is not a review outbox (a JSON array)");
  for (const auto& value : document.array()) {
    const QJsonObject object = value.toObject();
    OutboxEntry entry;
    entry.id = object.value("id").toString().toStdString();
    entry.kind = kind_from(object.value("kind").toString().toStdString(), path_);
    entry.assignment_id = object.value("assignment").toInteger();
    entry.scores = store::draft_from_json(io::json::compact_text(object.value("scores").toObject()));
    entry.reason = object.value("reason").toString().toStdString();
    entry.created_at = object.value("created_at").toString().toStdString();
    if (entry.id.empty() || entry.assignment_id <= 0)
      throw std::runtime_error("outbox " + path_.string() + " has an entry without an id or assignment");
    entries_.push_back(std::move(entry));
  }
}

OutboxEntry Outbox::add(OutboxEntry::Kind kind, int64_t assignment_id, const store::ScoreEntry& scores,
                        const std::string& reason) {
  if (kind == OutboxEntry::Kind::kDraft)
    std::erase_if(entries_, [&](const OutboxEntry& e) {
      return e.kind == OutboxEntry::Kind::kDraft && e.assignment_id == assignment_id;
    });
  OutboxEntry entry{QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString(), kind, assignment_id, scores,
                    reason, now_utc()};
  entries_.push_back(entry);
  save();
  return entry;
}

void Outbox::remove(const std::string& id) {
  const auto before = entries_.size();
  std::erase_if(entries_, [&](const OutboxEntry& e) { return e.id == id; });
  if (entries_.size() != before) save();
}

void Outbox::save() const {
  if (path_.empty()) return;
  QJsonArray array;
  for (const auto& entry : entries_)
    array.append(QJsonObject{{"id", QString::fromStdString(entry.id)},
                             {"kind", QString::fromStdString(to_string(entry.kind))},
                             {"assignment", qint64(entry.assignment_id)},
                             {"scores", QJsonDocument::fromJson(store::draft_to_json(entry.scores).toUtf8()).object()},
                             {"reason", QString::fromStdString(entry.reason)},
                             {"created_at", QString::fromStdString(entry.created_at)}});
  std::filesystem::create_directories(path_.parent_path());
  io::write_file_atomically(path_, io::json::compact(array) + "\n");
}

std::filesystem::path Outbox::default_path(const std::string& server_label, const std::string& study) {
  const std::filesystem::path base =
      QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation).toStdString();
  return base / "medlora" / "review-outbox" / (file_safe(server_label) + "-" + file_safe(study) + ".json");
}

}  // namespace medlora::review_server
