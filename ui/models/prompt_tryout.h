#pragma once
// "Try a prompt": the prompt goes through the chosen template (the core's PromptFormat, in the
// GenerationWorker on its own thread), the answer streams back, and the prompt's text and tokens
// are shown beside it.
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>

#include "ui/settings/workbench_settings.h"

namespace medlora::ui {

class GenerationWorker;
class PromptTokensView;

class PromptTryout : public QGroupBox {
  Q_OBJECT

 public:
  // `worker` lives on another thread; it is only called through queued invocations.
  explicit PromptTryout(GenerationWorker* worker, QWidget* parent = nullptr);

  // The model to use ("" disables Generate); `reason` says why it cannot be used, if so.
  void set_model(const QString& model_dir, const QString& reason = {});
  void set_compute(const WorkbenchSettings& settings);
  bool busy() const { return busy_; }

  QComboBox* template_combo() const { return template_; }
  QPlainTextEdit* prompt_edit() const { return prompt_; }
  QSpinBox* max_tokens_spin() const { return max_tokens_; }
  QDoubleSpinBox* temperature_spin() const { return temperature_; }
  QPushButton* generate_button() const { return generate_; }
  QPushButton* stop_button() const { return stop_; }
  QPlainTextEdit* output_view() const { return output_; }
  QLabel* stats_label() const { return stats_; }
  PromptTokensView* tokens_view() const { return tokens_view_; }

 public slots:
  void start();
  void stop();

 signals:
  void status_message(const QString& text);
  void busy_changed(bool busy);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void set_busy(bool busy);
  void update_buttons();
  void append_text(const QString& text);

  GenerationWorker* worker_;
  WorkbenchSettings settings_;
  QString model_dir_, unusable_reason_;
  bool busy_ = false;
  qint64 streamed_pieces_ = 0;

  QLabel* template_label_;
  QComboBox* template_;
  QPlainTextEdit* prompt_;
  QLabel* max_tokens_label_;
  QSpinBox* max_tokens_;
  QLabel* temperature_label_;
  QDoubleSpinBox* temperature_;
  QPushButton* generate_;
  QPushButton* stop_;
  QProgressBar* busy_bar_;
  QLabel* output_label_;
  QPlainTextEdit* output_;
  PromptTokensView* tokens_view_;
  QTabWidget* output_tabs_;
  QLabel* stats_;
};

}  // namespace medlora::ui
