#pragma once
// The generation settings of the chat tester: prompt template, temperature, top-k, top-p,
// repetition penalty, max new tokens, seed (blank = a random one per answer), bad words
// (comma or line separated; the worker turns them into token ids with each model's tokenizer)
// and stop strings (one a line). The template list starts with "model default" (value "": the
// model's chat template when it has one, else clinic), then PromptFormat::choices(). Starts
// with the clinic sampling defaults and the model default template; "Reset to clinic
// defaults" goes back to them. Every change is checked with SamplingParams::validate and the message
// shown under the form.
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

#include "ui/chat/chat_job.h"

namespace medlora::ui {

class GenerationSettingsForm : public QGroupBox {
  Q_OBJECT

 public:
  explicit GenerationSettingsForm(QWidget* parent = nullptr);

  // The values as entered (whether valid or not; see validation_error()).
  GenerationSettings settings() const;
  void set_settings(const GenerationSettings& settings);
  // Empty when the settings are usable, else what is wrong (also shown in the form).
  QString validation_error() const;

  // "a, b，c\nd" -> {"a", "b", "c", "d"} (ASCII and Chinese commas, new lines; blanks dropped).
  static QStringList split_bad_words(const QString& text);

  QComboBox* template_combo() const { return template_; }
  QDoubleSpinBox* temperature_spin() const { return temperature_; }
  QSpinBox* top_k_spin() const { return top_k_; }
  QDoubleSpinBox* top_p_spin() const { return top_p_; }
  QDoubleSpinBox* repetition_penalty_spin() const { return repetition_penalty_; }
  QSpinBox* max_new_tokens_spin() const { return max_new_tokens_; }
  QLineEdit* seed_edit() const { return seed_; }
  QPlainTextEdit* bad_words_edit() const { return bad_words_; }
  QPlainTextEdit* stop_strings_edit() const { return stop_strings_; }
  QPushButton* reset_button() const { return reset_; }
  QLabel* error_label() const { return error_; }

 public slots:
  void reset_to_defaults();

 signals:
  void settings_changed();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void update_validation();

  QComboBox* template_;
  QDoubleSpinBox* temperature_;
  QSpinBox* top_k_;
  QDoubleSpinBox* top_p_;
  QDoubleSpinBox* repetition_penalty_;
  QSpinBox* max_new_tokens_;
  QLineEdit* seed_;
  QPlainTextEdit* bad_words_;
  QPlainTextEdit* stop_strings_;
  QPushButton* reset_;
  QLabel* error_;
  QList<QLabel*> labels_;  // row labels, in row order
};

}  // namespace medlora::ui
