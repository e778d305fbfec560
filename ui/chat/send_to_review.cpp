#include "ui/chat/send_to_review.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>

#include <map>
#include <memory>
#include <stdexcept>
#include <vector>

#include "core/io/json_util.h"
#include "core/store/model_registry.h"
#include "core/store/transaction.h"
#include "core/store/workspace.h"
#include "ui/review/login_dialog.h"

namespace medlora::ui {

// The translation context of this file's texts (it has no QObject of its own).
class SendToReviewText {
  Q_DECLARE_TR_FUNCTIONS(SendToReviewText)
};

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

bool names_something(const QJsonValue& value) {
  if (value.isString()) return !value.toString().trimmed().isEmpty();
  if (value.isObject()) return !value.toObject().isEmpty();
  if (value.isArray()) return !value.toArray().isEmpty();
  return false;
}

QJsonObject json_object(const std::string& json) {
  return io::json::object_or_empty(json);
}

// review_system_kind(), with "base" made "merged" for a model folder registered as merged.
std::string system_kind(store::Workspace& workspace, const std::string& config_json) {
  const std::string kind = review_system_kind(config_json);
  if (kind != "base") return kind;
  const QJsonObject object = json_object(config_json);
  const QString model_dir = object.value(object.contains("model_dir") ? "model_dir" : "model").toString();
  if (model_dir.isEmpty()) return kind;
  const auto model = store::ModelRegistry(workspace).find_model_by_path(model_dir.toStdString());
  return model && model->kind == "merged" ? "merged" : kind;
}

bool sendable(const store::StoredTestAnswer* answer) {
  return answer && answer->status == "done" && !QString::fromStdString(answer->answer).trimmed().isEmpty();
}

bool has_references(const store::TestSetRun& run) {
  for (const auto& question : run.questions)
    if (!QString::fromStdString(question.reference).trimmed().isEmpty()) return true;
  return false;
}

// The options dialog; false when cancelled. `options` holds the defaults and gets the choices.
bool ask_options(QWidget* parent, const store::TestSetRun& run, const QString& lead, SendToReviewOptions& options) {
  QDialog dialog(parent);
  dialog.setWindowTitle(SendToReviewText::tr("Send to review"));
  auto* intro =
      new QLabel(SendToReviewText::tr("A new blind review study is made from test set \"%1\": %2 questions × %3 "
                                      "configurations. Signed in as %4.")
                     .arg(q(run.summary.name))
                     .arg(run.questions.size())
                     .arg(run.configurations.size())
                     .arg(lead),
                 &dialog);
  intro->setWordWrap(true);
  auto* name = new QLineEdit(options.study_name, &dialog);
  name->setObjectName("study_name");
  auto* reviewers = new QSpinBox(&dialog);
  reviewers->setObjectName("reviewers_per_answer");
  reviewers->setRange(1, 20);
  reviewers->setValue(options.reviewers_per_answer);
  reviewers->setToolTip(SendToReviewText::tr("How many doctors score each answer (three is the usual design)"));
  auto* reference = new QCheckBox(SendToReviewText::tr("Include the &reference answer as a system"), &dialog);
  reference->setObjectName("reference_as_system");
  reference->setChecked(options.reference_as_system);
  reference->setEnabled(has_references(run));
  reference->setToolTip(
      has_references(run)
          ? SendToReviewText::tr("Reviewers score the reference answers blind, like the models' answers")
          : SendToReviewText::tr("This test set has no reference answers"));
  auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  box->button(QDialogButtonBox::Ok)->setText(SendToReviewText::tr("&Create study"));
  auto* form = new QFormLayout(&dialog);
  form->addRow(intro);
  form->addRow(SendToReviewText::tr("Study &name:"), name);
  form->addRow(SendToReviewText::tr("Reviewers &per answer:"), reviewers);
  form->addRow(QString(), reference);
  form->addRow(box);
  QObject::connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  QObject::connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  QObject::connect(name, &QLineEdit::textChanged, &dialog, [box](const QString& text) {
    box->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
  });
  if (dialog.exec() != QDialog::Accepted) return false;
  options.study_name = name->text().trimmed();
  options.reviewers_per_answer = reviewers->value();
  options.reference_as_system = reference->isChecked();
  return true;
}

}  // namespace

std::string review_system_kind(const std::string& config_json) {
  const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(config_json));
  if (!document.isObject()) return "other";
  const QJsonObject object = document.object();
  const QString kind = object.value("kind").toString();
  if (kind == "base" || kind == "adapter" || kind == "merged") return kind.toStdString();
  const QString mode = object.value("mode").toString();
  if (mode == "adapter" || mode == "routed") return "adapter";
  if (mode != "base") {
    for (const char* key : {"adapter", "adapter_dir", "adapters", "routed_adapters"})
      if (names_something(object.value(key))) return "adapter";
  }
  if (object.value("merged").toBool()) return "merged";
  return "base";
}

int missing_answer_count(const store::TestSetRun& run) {
  int missing = 0;
  for (const auto& question : run.questions)
    for (const auto& configuration : run.configurations)
      if (!sendable(run.answer(question.id, configuration.id))) ++missing;
  return missing;
}

SendToReviewOptions default_send_options(const store::TestSetRun& run) {
  SendToReviewOptions options;
  options.study_name = SendToReviewText::tr("%1 (test set #%2)").arg(q(run.summary.name)).arg(run.summary.id);
  options.reference_as_system = has_references(run);
  return options;
}

SendToReviewResult send_test_run_to_review(store::Workspace& workspace, const store::ReviewerAccount& lead,
                                           int64_t run_id, const SendToReviewOptions& options) {
  const std::optional<store::TestSetRun> run = store::TestSetRuns(workspace).load(run_id);
  if (!run) throw std::runtime_error("there is no test-set run #" + std::to_string(run_id) + " in this workspace");
  SendToReviewResult result;
  result.missing_answers = missing_answer_count(*run);
  const int total = int(run->questions.size() * run->configurations.size());
  if (result.missing_answers == total)
    throw std::runtime_error("test set '" + run->summary.name + "' has no finished answer to send to review");
  if (result.missing_answers > 0 && !options.only_finished_answers) {
    throw std::runtime_error("test set '" + run->summary.name + "' is missing " +
                             std::to_string(result.missing_answers) + " of its " + std::to_string(total) +
                             " answers (not generated yet, stopped, failed or empty): finish the run first, or "
                             "send only the finished answers");
  }

  std::map<std::string, std::string> kinds;  // by configuration label
  for (const auto& configuration : run->configurations)
    kinds[configuration.label] = system_kind(workspace, configuration.config_json);
  std::vector<store::AnswerInput> answers;
  for (const auto& question : run->questions) {
    for (const auto& configuration : run->configurations) {
      const store::StoredTestAnswer* answer = run->answer(question.id, configuration.id);
      if (!sendable(answer)) continue;
      store::AnswerInput input;
      input.item = question.item;
      input.question = question.question;
      input.system = configuration.label;
      input.answer = answer->answer;
      input.reference = question.reference;
      input.system_kind = kinds.at(configuration.label);
      input.system_metadata_json = configuration.config_json;
      answers.push_back(std::move(input));
    }
  }

  const std::string source = "test set #" + std::to_string(run->summary.id) + ": " + run->summary.name +
                             (run->summary.source.empty() ? "" : " (" + run->summary.source + ")");
  store::ReviewStudyRepository studies(workspace);
  store::Transaction transaction(workspace);
  result.study_name = options.study_name.trimmed();
  result.study_id = studies.create_study(lead, result.study_name.toStdString(), source, options.reviewers_per_answer);
  result.added = studies.add_answers(lead, result.study_id, answers, options.reference_as_system);
  transaction.commit();
  return result;
}

bool send_test_run_to_review(const QString& workspace_file, int64_t run_id, QWidget* parent) {
  const QString title = SendToReviewText::tr("Send to review");
  std::unique_ptr<store::Workspace> workspace;
  std::optional<store::TestSetRun> run;
  try {
    workspace = std::make_unique<store::Workspace>(workspace_file.toStdString());
    run = store::TestSetRuns(*workspace).load(run_id);
  } catch (const std::exception& e) {
    QMessageBox::critical(parent, title, SendToReviewText::tr("The test set could not be read: %1").arg(q(e.what())));
    return false;
  }
  if (!run) {
    QMessageBox::critical(parent, title,
                          SendToReviewText::tr("Test set #%1 is not in this workspace any more.").arg(run_id));
    return false;
  }
  SendToReviewOptions options = default_send_options(*run);
  const int missing = missing_answer_count(*run);
  const int total = int(run->questions.size() * run->configurations.size());
  if (missing == total) {
    QMessageBox::warning(
        parent, title,
        SendToReviewText::tr("Test set \"%1\" has no finished answer yet: run it first.").arg(q(run->summary.name)));
    return false;
  }
  if (missing > 0) {
    const auto answer = QMessageBox::question(
        parent, title,
        SendToReviewText::tr(
            "Test set \"%1\" is missing %2 of its %3 answers (not generated yet, stopped, failed or empty).\n\n"
            "Send only the %4 finished answers? Questions without an answer from every configuration make the "
            "systems harder to compare; you can also resume the run first.")
            .arg(q(run->summary.name))
            .arg(missing)
            .arg(total)
            .arg(total - missing),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes) return false;
    options.only_finished_answers = true;
  }

  const std::optional<store::ReviewerAccount> lead = sign_in(*workspace, parent, QStringLiteral("lead"));
  if (!lead) return false;

  while (ask_options(parent, *run, q(lead->name()), options)) {
    try {
      const SendToReviewResult result = send_test_run_to_review(*workspace, *lead, run_id, options);
      QString text = SendToReviewText::tr(
                         "Study \"%1\" created with %2 questions, %3 systems and %4 answers; each answer is to be "
                         "scored by %5 reviewers.")
                         .arg(result.study_name)
                         .arg(result.added.questions)
                         .arg(result.added.systems)
                         .arg(result.added.answers)
                         .arg(options.reviewers_per_answer);
      if (result.missing_answers > 0)
        text += '\n' + SendToReviewText::tr("%1 unfinished answers were left out.").arg(result.missing_answers);
      text += "\n\n" + SendToReviewText::tr("Assign the reviewers in the Review panel.");
      QMessageBox::information(parent, title, text);
      return true;
    } catch (const std::exception& e) {
      QMessageBox::critical(parent, title, SendToReviewText::tr("The study was not created: %1").arg(q(e.what())));
    }
  }
  return false;
}

}  // namespace medlora::ui
