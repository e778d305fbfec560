#pragma once
// Term standardisation: the workspace's synonym -> standard dictionary in an editable table
// (with CSV import), a preview of every replacement, and Apply, which saves the dictionary
// and writes the standardised texts (earlier versions kept).
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>

#include <string>
#include <utility>
#include <vector>

#include "core/data/term_standardiser.h"
#include "ui/datasets/plan_dialog.h"

namespace medlora::ui {

class ChangePreviewModel;

class TermsDialog : public PlanDialog {
  Q_OBJECT

 public:
  TermsDialog(store::Workspace& workspace, int64_t dataset_id, const QString& editor, QWidget* parent = nullptr);

  // Imports a CSV with "synonym" and "standard" columns into the workspace and reloads the
  // table; says what was added, updated and skipped (and where) in the message label.
  // Returns false when the file could not be read at all.
  bool import_csv(const QString& path);
  // Writes the table to the workspace's dictionary; false and a message on a bad pair.
  bool save_terms();
  void add_term_row(const QString& synonym, const QString& standard);
  // Pairs as the table shows them (blank rows left out).
  std::vector<std::pair<std::string, std::string>> terms_from_table() const;

  QTableWidget* terms_table() const { return terms_; }
  QLabel* message_label() const { return message_; }
  ChangePreviewModel* changes_model() const { return changes_model_; }
  QTableWidget* replacements_table() const { return replacements_; }

 protected:
  void capture_options() override;
  void plan(const DatasetSnapshot& snapshot, const BackgroundRunner::Control& control) override;
  QString show_plan() override;
  QString apply_plan(store::Workspace& workspace, const DatasetSnapshot& snapshot) override;
  void clear_plan() override;
  void retranslate() override;

 private:
  void load_terms();

  store::Workspace& workspace_;
  std::vector<std::pair<std::string, std::string>> pairs_;
  data::TermPlan result_;
  QTableWidget* terms_;
  QPushButton* add_;
  QPushButton* remove_;
  QPushButton* import_;
  QPushButton* save_;
  QLabel* message_;
  QTabWidget* tabs_;
  ChangePreviewModel* changes_model_;
  QTableView* changes_view_;
  QTableWidget* replacements_;
};

}  // namespace medlora::ui
