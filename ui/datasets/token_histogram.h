#pragma once
// Token lengths of a dataset's records against a chosen tokenizer, as training would encode
// them (the prompt template's prompt with BOS, the answer, EOS): a histogram with the
// max_length cut marked, the share over it and the percentiles. Counting runs in the
// background; without a tokenizer the chart says so instead of guessing.
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QWidget>

#include "core/data/token_stats.h"
#include "ui/datasets/background_runner.h"
#include "ui/shell/path_field.h"

class QCustomPlot;

namespace medlora::ui {

class TokenHistogram : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kBins = 30;

  explicit TokenHistogram(QWidget* parent = nullptr);
  ~TokenHistogram() override;

  // The folder the tokenizer box starts with: $HOME/.local/share/MedLoRA/models/medlora-base
  // (or under $MEDLORA_MODELS_DIR / $XDG_DATA_HOME) when it holds a tokenizer.model, else "".
  static QString default_tokenizer_dir();

  void set_source(const QString& workspace_file, int64_t dataset_id);
  // Counts in the background; computed() or failed() follows. Says why instead when there is
  // no tokenizer or no dataset.
  void compute();
  bool busy() const { return runner_.busy(); }
  void wait_until_idle() { runner_.wait(); }
  void show_stats(const data::TokenStats& stats);

  const data::TokenStats& stats() const { return stats_; }
  QLineEdit* tokenizer_edit() const { return tokenizer_dir_; }
  PathField* tokenizer_field() const { return tokenizer_field_; }
  QComboBox* template_combo() const { return template_; }
  QSpinBox* max_length_spin() const { return max_length_; }
  QCheckBox* approved_only_check() const { return approved_only_; }
  QPushButton* compute_button() const { return compute_; }
  QLabel* message_label() const { return message_; }
  QCustomPlot* plot() const { return plot_; }

 Q_SIGNALS:
  void computed();
  void failed(const QString& message);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void draw();

  QString workspace_file_;
  int64_t dataset_id_ = 0;
  data::TokenStats stats_;
  data::TokenStats pending_;  // written by the background job
  BackgroundRunner runner_;
  QLabel* tokenizer_label_;
  QLineEdit* tokenizer_dir_;
  PathField* tokenizer_field_;
  QLabel* template_label_;
  QComboBox* template_;
  QLabel* max_length_label_;
  QSpinBox* max_length_;
  QCheckBox* approved_only_;
  QPushButton* compute_;
  QPushButton* stop_;
  QProgressBar* progress_;
  QCustomPlot* plot_;
  QLabel* message_;
};

}  // namespace medlora::ui
