#include "ui/chat/generation_settings_form.h"

#include <QEvent>
#include <QFormLayout>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

#include "core/tokenizer/prompt_format.h"

namespace medlora::ui {
namespace {

QStringList non_empty_lines(const QString& text) {
  QStringList lines;
  for (const QString& line : text.split('\n'))
    if (!line.isEmpty()) lines << line;
  return lines;
}

// Stop strings are typed one a line, so a new line inside one is written as \n.
QString unescape_stop(QString text) { return text.replace(QStringLiteral("\\n"), QStringLiteral("\n")); }
QString escape_stop(QString text) { return text.replace(QStringLiteral("\n"), QStringLiteral("\\n")); }

}  // namespace

GenerationSettingsForm::GenerationSettingsForm(QWidget* parent)
    : QGroupBox(parent),
      template_(new QComboBox(this)),
      temperature_(new QDoubleSpinBox(this)),
      top_k_(new QSpinBox(this)),
      top_p_(new QDoubleSpinBox(this)),
      repetition_penalty_(new QDoubleSpinBox(this)),
      max_new_tokens_(new QSpinBox(this)),
      seed_(new QLineEdit(this)),
      bad_words_(new QPlainTextEdit(this)),
      stop_strings_(new QPlainTextEdit(this)),
      reset_(new QPushButton(this)),
      error_(new QLabel(this)) {
  setObjectName("generation_settings");
  // The first entry leaves the choice to the model: its chat template when it has one, else clinic.
  template_->addItem(QString(), QString());
  for (const auto& name : tokenizer::PromptFormat::choices(/*model_has_chat_template=*/true))
    template_->addItem(QString::fromStdString(name), QString::fromStdString(name));
  temperature_->setRange(0.0, 5.0);
  temperature_->setSingleStep(0.1);
  temperature_->setDecimals(2);
  top_k_->setRange(0, 100000);
  top_p_->setRange(0.0, 1.0);
  top_p_->setSingleStep(0.05);
  top_p_->setDecimals(3);
  repetition_penalty_->setRange(0.0, 10.0);
  repetition_penalty_->setSingleStep(0.05);
  repetition_penalty_->setDecimals(2);
  max_new_tokens_->setRange(1, 32768);
  seed_->setValidator(new QRegularExpressionValidator(QRegularExpression("\\d{0,20}"), seed_));
  seed_->setObjectName("seed_edit");
  for (QPlainTextEdit* edit : {bad_words_, stop_strings_}) {
    edit->setTabChangesFocus(true);
    edit->setMaximumHeight(54);
  }
  error_->setObjectName("settings_error");
  error_->setWordWrap(true);
  error_->setStyleSheet("color: #b00020;");
  error_->hide();

  auto* form = new QFormLayout;
  QList<QWidget*> fields{template_, temperature_, top_k_, top_p_, repetition_penalty_,
                         max_new_tokens_, seed_, bad_words_, stop_strings_};
  for (QWidget* field : fields) {
    auto* label = new QLabel(this);
    label->setBuddy(field);
    labels_ << label;
    form->addRow(label, field);
  }
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(error_);
  layout->addWidget(reset_, 0, Qt::AlignRight);

  auto changed = [this] {
    update_validation();
    emit settings_changed();
  };
  connect(template_, &QComboBox::currentIndexChanged, this, changed);
  for (QDoubleSpinBox* spin : {temperature_, top_p_, repetition_penalty_})
    connect(spin, &QDoubleSpinBox::valueChanged, this, changed);
  for (QSpinBox* spin : {top_k_, max_new_tokens_}) connect(spin, &QSpinBox::valueChanged, this, changed);
  connect(seed_, &QLineEdit::textChanged, this, changed);
  connect(bad_words_, &QPlainTextEdit::textChanged, this, changed);
  connect(stop_strings_, &QPlainTextEdit::textChanged, this, changed);
  connect(reset_, &QPushButton::clicked, this, &GenerationSettingsForm::reset_to_defaults);

  retranslate();
  reset_to_defaults();
}

QStringList GenerationSettingsForm::split_bad_words(const QString& text) {
  QStringList words;
  for (const QString& part : text.split(QRegularExpression(QStringLiteral("[,\\n\\x{FF0C}\\x{3001}]")))) {
    const QString word = part.trimmed();
    if (!word.isEmpty()) words << word;
  }
  return words;
}

GenerationSettings GenerationSettingsForm::settings() const {
  GenerationSettings settings;
  auto& s = settings.sampling;
  s.temperature = temperature_->value();
  s.top_k = top_k_->value();
  s.top_p = top_p_->value();
  s.repetition_penalty = repetition_penalty_->value();
  s.max_new_tokens = max_new_tokens_->value();
  bool ok = false;
  const qulonglong seed = seed_->text().trimmed().toULongLong(&ok);
  if (ok) s.seed = seed;
  for (const QString& stop : non_empty_lines(stop_strings_->toPlainText()))
    s.stop_strings.push_back(unescape_stop(stop).toStdString());
  settings.bad_words = split_bad_words(bad_words_->toPlainText());
  settings.template_name = template_->currentData().toString();
  return settings;
}

void GenerationSettingsForm::set_settings(const GenerationSettings& settings) {
  const QSignalBlocker blocker(this);
  const auto& s = settings.sampling;
  int index = template_->findData(settings.template_name);
  if (index < 0) {
    // A name this build does not offer (settings saved by another version): kept as it is, so
    // that the engine names the choices when it is used instead of the form silently
    // switching templates.
    template_->addItem(settings.template_name, settings.template_name);
    index = template_->count() - 1;
  }
  template_->setCurrentIndex(index);
  temperature_->setValue(s.temperature);
  top_k_->setValue(s.top_k);
  top_p_->setValue(s.top_p);
  repetition_penalty_->setValue(s.repetition_penalty);
  max_new_tokens_->setValue(s.max_new_tokens);
  seed_->setText(s.seed ? QString::number(*s.seed) : QString());
  bad_words_->setPlainText(settings.bad_words.join(", "));
  QStringList stops;
  for (const auto& stop : s.stop_strings) stops << escape_stop(QString::fromStdString(stop));
  stop_strings_->setPlainText(stops.join('\n'));
  update_validation();
}

void GenerationSettingsForm::reset_to_defaults() {
  GenerationSettings defaults;  // SamplingParams' defaults are the clinic's; template "" = the model's default
  set_settings(defaults);
  emit settings_changed();
}

QString GenerationSettingsForm::validation_error() const {
  const QString seed = seed_->text().trimmed();
  bool ok = true;
  if (!seed.isEmpty()) seed.toULongLong(&ok);
  if (!ok) return tr("The seed must be a whole number from 0 to 18446744073709551615, or blank for a random seed.");
  try {
    settings().sampling.validate();
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

void GenerationSettingsForm::update_validation() {
  const QString error = validation_error();
  error_->setText(error);
  error_->setVisible(!error.isEmpty());
}

void GenerationSettingsForm::retranslate() {
  setTitle(tr("Generation settings"));
  const QStringList texts{tr("Te&mplate:"), tr("&Temperature:"), tr("Top-&k:"), tr("Top-&p:"),
                          tr("&Repetition penalty:"), tr("Max &new tokens:"), tr("S&eed:"),
                          tr("&Bad words:"), tr("Stop stri&ngs:")};
  for (int i = 0; i < labels_.size(); ++i) labels_[i]->setText(texts[i]);
  template_->setItemText(0, tr("model default"));
  template_->setToolTip(tr("How the question is wrapped for the model. model: the model's own chat template; "
                           "chatml: ChatML; clinic: Chinese clinic instruction; clinic-en: English; raw: the question "
                           "as typed. The model default is its chat template when it has one, else clinic."));
  temperature_->setToolTip(tr("0 always picks the most likely token; higher values vary more"));
  top_k_->setToolTip(tr("Sample only among the k most likely tokens (0 = no limit)"));
  top_p_->setToolTip(tr("Sample among the most likely tokens that together reach this probability (1 = no limit)"));
  repetition_penalty_->setToolTip(tr("Above 1 makes repeating earlier tokens less likely (1 = off)"));
  seed_->setPlaceholderText(tr("random"));
  seed_->setToolTip(tr("The same seed and settings give the same answer; blank draws a new seed each time"));
  bad_words_->setPlaceholderText(tr("words the model must not write, separated by commas"));
  bad_words_->setToolTip(tr("Banned while sampling: these words are turned into token ids with the model's tokenizer"));
  stop_strings_->setPlaceholderText(tr("one a line; \\n for a new line"));
  stop_strings_->setToolTip(tr("Generation stops when the answer reaches one of these texts"));
  reset_->setText(tr("Reset to c&linic defaults"));
  reset_->setToolTip(tr("Temperature 0.7, top-k 50, top-p 0.9, repetition penalty 1.2, 200 new tokens, random seed, "
                        "the model's default template"));
}

void GenerationSettingsForm::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QGroupBox::changeEvent(event);
}

}  // namespace medlora::ui
