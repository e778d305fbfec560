#pragma once
// Which model answers: a base model (registered in the workspace or found in the models
// folder, or a folder added by hand), zero / one / several adapters (registered ones or added
// folders) with a mode (base only, one adapter, route by rules), and grounding on the
// knowledge base with its top-k. A second box, comparison_box(), holds the 2-4 configuration
// rows of side by side (base, base + adapter X, base routed by rules, another or merged model).
// The picker only reads folders; the panel registers added folders in the workspace.
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>

#include "ui/chat/chat_job.h"

namespace medlora::ui {

class BundledModelNotice;

struct ModelChoice {
  QString name;
  QString path;
  QString kind = "base";  // "base" or "merged"
};

class ConfigurationPicker : public QGroupBox {
  Q_OBJECT

 public:
  explicit ConfigurationPicker(QWidget* parent = nullptr);

  // Replace the offered models / adapters, keeping the current choices where they remain.
  void set_models(const QList<ModelChoice>& models);
  void set_adapters(const QList<ChatAdapter>& adapters);
  const QList<ModelChoice>& models() const { return models_; }
  const QList<ChatAdapter>& adapters() const { return adapters_; }

  // Checks and adds a folder; returns "" or why it cannot be used (nothing added then).
  // `kind`: "base" or "merged" (a merged model is labelled so in the lists and in reviews).
  QString add_model_folder(const QString& dir, const QString& kind = "base");
  QString add_adapter_folder(const QString& dir);
  // Asks for a model folder with a picker and adds it; a warning says why one cannot be used.
  void choose_model_folder(const QString& kind = "base");

  QString model_dir() const;
  bool select_model(const QString& path);
  AdapterMode mode() const;
  void set_mode(AdapterMode mode);
  QList<ChatAdapter> checked_adapters() const;
  void set_adapter_checked(const QString& name, bool checked);
  bool grounding() const { return grounding_->isChecked(); }
  int grounding_top_k() const { return top_k_->value(); }
  void set_grounding(bool on, int top_k = 3);

  // The chat's configuration, labelled after what answers ("base", the adapter, "routed").
  ChatConfiguration chat_configuration() const;
  // Side by side: one configuration per row.
  QList<ChatConfiguration> comparison() const;
  // Empty when comparison() can run, else why not (too few rows, duplicate labels ...).
  QString comparison_problem() const;
  // Row choices: "base", "routed", "adapter:<name>", "model:<path>".
  void set_comparison_row(int row, const QString& choice, const QString& label = {});
  void set_comparison_row_count(int rows);  // 2-4

  QGroupBox* comparison_box() const { return comparison_box_; }
  QComboBox* model_combo() const { return model_; }
  QListWidget* adapter_list() const { return adapter_list_; }
  QTableWidget* comparison_table() const { return rows_; }
  QCheckBox* grounding_check() const { return grounding_; }
  // Shown under the model choice while the bundled demonstration model is chosen.
  BundledModelNotice* bundled_notice() const { return bundled_notice_; }

 signals:
  void model_folder_added(const medlora::ui::ModelChoice& model);
  void adapter_folder_added(const medlora::ui::ChatAdapter& adapter);
  void configuration_changed();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void rebuild_row_choices();
  void fill_row_combo(QComboBox* combo, const QString& keep);
  ChatConfiguration configuration_for(const QString& choice) const;
  QString default_label(const QString& choice) const;
  void add_row(const QString& choice);
  void update_enabled();
  void update_bundled_notice();
  bool is_merged(const QString& path) const;
  void choose_adapter_folder();

  QList<ModelChoice> models_;
  QList<ChatAdapter> adapters_;
  QLabel* model_label_;
  QComboBox* model_;
  QPushButton* add_model_;
  BundledModelNotice* bundled_notice_;
  QLabel* mode_label_;
  QRadioButton* base_only_;
  QRadioButton* one_adapter_;
  QRadioButton* routed_;
  QButtonGroup* modes_;
  QListWidget* adapter_list_;
  QPushButton* add_adapter_;
  QCheckBox* grounding_;
  QSpinBox* top_k_;
  QGroupBox* comparison_box_;
  QTableWidget* rows_;
  QPushButton* add_merged_;
  QPushButton* add_row_;
  QPushButton* remove_row_;
};

}  // namespace medlora::ui

Q_DECLARE_METATYPE(medlora::ui::ModelChoice)
