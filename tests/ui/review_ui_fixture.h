#pragma once
// Shared by the Review panel tests: a temporary workspace with a lead, three doctors and a study
// of two systems x three questions assigned to all three doctors (through the store API), whose
// system names and metadata are distinctive strings so that a leak onto a reviewer's screen can be
// searched for; and a walk over every text a widget tree shows.
#include <QAbstractButton>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QStringList>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QTreeWidget>
#include <QWidget>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/workspace.h"

namespace medlora::ui::testing {

// Few PBKDF2 iterations keep account set-up fast.
constexpr int kTestIterations = 1000;
inline const QStringList kDoctorNames = {"dr-a", "dr-b", "dr-c"};
inline const std::vector<std::string> kSystemNames = {"llama-base-xq7", "chronic-adapter-zv2"};
inline const std::string kSecretMetadata = "/models/secret-checkpoint-881";

inline std::string password_of(const QString& name) { return name.toStdString() + "-password"; }

struct ReviewWorkspace {
  QTemporaryDir dir;
  QString path;
  std::unique_ptr<store::Workspace> ws;
  std::optional<store::ReviewerAccount> lead;
  std::map<QString, store::ReviewerAccount> doctors;
  int64_t study = 0;

  // `with_accounts` false: an empty workspace (no account yet).
  explicit ReviewWorkspace(bool with_accounts = true, bool with_study = true) {
    path = dir.filePath("review.medlora");
    ws = std::make_unique<store::Workspace>(path.toStdString());
    if (!with_accounts) return;
    store::ReviewerAccounts accounts(*ws, kTestIterations);
    lead = accounts.create_first_lead("lead-li", "lead-password");
    for (const QString& name : kDoctorNames) {
      accounts.create(*lead, name.toStdString(), "doctor", password_of(name));
      doctors.emplace(name, *accounts.authenticate(name.toStdString(), password_of(name)));
    }
    accounts.create(*lead, "eng-wu", "engineer", "eng-wu-password");
    if (!with_study) return;
    store::ReviewStudyRepository studies(*ws);
    study = studies.create_study(*lead, "fever study", "ui test", 3, 20240501);
    std::vector<store::AnswerInput> answers;
    for (int q = 1; q <= 3; ++q) {
      for (size_t s = 0; s < kSystemNames.size(); ++s) {
        store::AnswerInput input;
        input.item = "item-" + std::to_string(q);
        input.question = "What should a patient with fever number " + std::to_string(q) + " do?";
        input.system = kSystemNames[s];
        input.answer = "Drink water and rest; variant " + std::to_string(q * 10 + static_cast<int>(s)) + ".";
        input.system_kind = s == 0 ? "base" : "adapter";
        input.system_metadata_json = "{\"model_path\": \"" + kSecretMetadata + "\", \"temperature\": 0.7}";
        answers.push_back(input);
      }
    }
    studies.add_answers(*lead, study, answers);
    std::vector<std::string> names;
    for (const QString& name : kDoctorNames) names.push_back(name.toStdString());
    studies.assign(*lead, study, names);
  }

  // Everything that would tell a reviewer which system wrote an answer.
  QStringList secrets() const {
    QStringList result;
    for (const std::string& name : kSystemNames) result << QString::fromStdString(name);
    result << QString::fromStdString(kSecretMetadata) << QStringLiteral("model_path");
    for (const store::StudySystem& system : store::ReviewStudyRepository(*ws).systems(*lead, study))
      result << QString::fromStdString(system.code);
    return result;
  }
};

// Every text `root` and its descendants show or announce: titles, labels, buttons, fields,
// tooltips, accessible names, combo items, list rows and headers.
inline QStringList shown_texts(QWidget* root) {
  QStringList texts;
  QList<QWidget*> widgets = root->findChildren<QWidget*>();
  widgets.prepend(root);
  for (QWidget* w : widgets) {
    texts << w->windowTitle() << w->toolTip() << w->statusTip() << w->whatsThis() << w->accessibleName()
          << w->accessibleDescription();
    if (auto* label = qobject_cast<QLabel*>(w)) texts << label->text();
    if (auto* button = qobject_cast<QAbstractButton*>(w)) texts << button->text();
    if (auto* line = qobject_cast<QLineEdit*>(w)) texts << line->text() << line->placeholderText();
    if (auto* text = qobject_cast<QTextEdit*>(w)) texts << text->toPlainText() << text->toHtml();
    if (auto* plain = qobject_cast<QPlainTextEdit*>(w)) texts << plain->toPlainText() << plain->placeholderText();
    if (auto* bar = qobject_cast<QProgressBar*>(w)) texts << bar->text() << bar->format();
    if (auto* combo = qobject_cast<QComboBox*>(w))
      for (int i = 0; i < combo->count(); ++i)
        texts << combo->itemText(i) << combo->itemData(i, Qt::ToolTipRole).toString();
    if (auto* tree = qobject_cast<QTreeWidget*>(w)) {
      for (int c = 0; c < tree->columnCount(); ++c) texts << tree->headerItem()->text(c);
      for (int i = 0; i < tree->topLevelItemCount(); ++i)
        for (int c = 0; c < tree->columnCount(); ++c)
          texts << tree->topLevelItem(i)->text(c) << tree->topLevelItem(i)->toolTip(c);
    }
  }
  texts.removeAll(QString());
  return texts;
}

// The first shown text containing a secret, as "secret in 'text'"; empty when there is none.
inline QString first_leak(QWidget* root, const QStringList& secrets) {
  for (const QString& text : shown_texts(root))
    for (const QString& secret : secrets)
      if (text.contains(secret)) return QStringLiteral("'%1' in '%2'").arg(secret, text.left(200));
  return {};
}

}  // namespace medlora::ui::testing
