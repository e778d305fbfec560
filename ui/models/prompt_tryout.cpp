#include "ui/models/prompt_tryout.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QScrollBar>
#include <QVBoxLayout>

#include "core/tokenizer/prompt_format.h"
#include "ui/models/generation_worker.h"
#include "ui/models/prompt_tokens_view.h"

namespace medlora::ui {

PromptTryout::PromptTryout(GenerationWorker* worker, QWidget* parent)
    : QGroupBox(parent),
      worker_(worker),
      template_label_(new QLabel(this)),
      template_(new QComboBox(this)),
      prompt_(new QPlainTextEdit(this)),
      max_tokens_label_(new QLabel(this)),
      max_tokens_(new QSpinBox(this)),
      temperature_label_(new QLabel(this)),
      temperature_(new QDoubleSpinBox(this)),
      generate_(new QPushButton(QIcon(":/icons/generate.png"), QString(), this)),
      stop_(new QPushButton(QIcon(":/icons/stop.png"), QString(), this)),
      busy_bar_(new QProgressBar(this)),
      output_label_(new QLabel(this)),
      output_(new QPlainTextEdit(this)),
      tokens_view_(new PromptTokensView(this)),
      output_tabs_(new QTabWidget(this)),
      stats_(new QLabel(this)) {
  setObjectName("prompt_tryout");
  // "model default" leaves the choice to the model (its chat template when it has one).
  template_->addItem(QString(), QString());
  for (const auto& name : tokenizer::PromptFormat::choices(/*model_has_chat_template=*/true))
    template_->addItem(QString::fromStdString(name), QString::fromStdString(name));
  template_label_->setBuddy(template_);
  prompt_->setObjectName("prompt_edit");
  prompt_->setTabChangesFocus(true);
  prompt_->setMaximumHeight(90);
  max_tokens_->setRange(1, 4096);
  max_tokens_->setValue(200);
  max_tokens_label_->setBuddy(max_tokens_);
  temperature_->setRange(0.0, 2.0);
  temperature_->setSingleStep(0.1);
  temperature_->setDecimals(2);
  temperature_->setValue(0.7);
  temperature_label_->setBuddy(temperature_);
  generate_->setObjectName("generate_button");
  generate_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
  stop_->setObjectName("stop_button");
  stop_->setShortcut(QKeySequence(Qt::Key_Escape));
  busy_bar_->setRange(0, 0);  // an indeterminate bar while the model loads
  busy_bar_->setMaximumHeight(12);
  busy_bar_->setTextVisible(false);
  busy_bar_->hide();
  output_->setObjectName("output_view");
  output_->setReadOnly(true);
  output_label_->setBuddy(output_);
  stats_->setObjectName("generation_stats");

  auto* options = new QHBoxLayout;
  options->addWidget(template_label_);
  options->addWidget(template_);
  options->addSpacing(12);
  options->addWidget(max_tokens_label_);
  options->addWidget(max_tokens_);
  options->addSpacing(12);
  options->addWidget(temperature_label_);
  options->addWidget(temperature_);
  options->addStretch(1);
  options->addWidget(generate_);
  options->addWidget(stop_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(prompt_);
  layout->addLayout(options);
  layout->addWidget(busy_bar_);
  layout->addWidget(output_label_);
  output_tabs_->setObjectName("output_tabs");
  output_tabs_->addTab(output_, QString());
  output_tabs_->addTab(tokens_view_, QString());
  layout->addWidget(output_tabs_, 1);
  layout->addWidget(stats_);

  connect(generate_, &QPushButton::clicked, this, &PromptTryout::start);
  connect(stop_, &QPushButton::clicked, this, &PromptTryout::stop);
  connect(prompt_, &QPlainTextEdit::textChanged, this, &PromptTryout::update_buttons);
  connect(worker_, &GenerationWorker::loading_started, this, [this] {
    busy_bar_->show();
    stats_->setText(tr("Loading the model..."));
  });
  connect(worker_, &GenerationWorker::model_loaded, this,
          [this](const QString& dir, double seconds, const QString& device, const QString& dtype) {
            busy_bar_->hide();
            stats_->setText(tr("Model loaded in %1 s on %2 (%3); generating...")
                                .arg(QString::number(seconds, 'f', 1), device, dtype));
            emit status_message(tr("Loaded %1").arg(dir));
          });
  connect(worker_, &GenerationWorker::prompt_encoded, tokens_view_, &PromptTokensView::show_prompt);
  connect(worker_, &GenerationWorker::token, this, [this](const QString& text) {
    ++streamed_pieces_;
    append_text(text);
  });
  connect(worker_, &GenerationWorker::finished, this,
          [this](const QString& reason, qint64 tokens, double seconds, double tokens_per_second) {
            QString why = reason;
            if (reason == "eos") why = tr("end of answer");
            else if (reason == "max_new_tokens") why = tr("token limit reached");
            else if (reason == "stop_string") why = tr("stop text reached");
            else if (reason == "cancelled") why = tr("stopped");
            stats_->setText(tr("%n token(s) in %1 s, %2 tokens/s (%3)", nullptr, static_cast<int>(tokens))
                                .arg(QString::number(seconds, 'f', 2), QString::number(tokens_per_second, 'f', 1),
                                     why));
            set_busy(false);
          });
  connect(worker_, &GenerationWorker::failed, this, [this](const QString& message) {
    busy_bar_->hide();
    stats_->setText(tr("Generation failed: %1").arg(message));
    emit status_message(tr("Generation failed"));
    set_busy(false);
  });

  retranslate();
  update_buttons();
}

void PromptTryout::set_model(const QString& model_dir, const QString& reason) {
  model_dir_ = model_dir;
  unusable_reason_ = reason;
  update_buttons();
}

void PromptTryout::set_compute(const WorkbenchSettings& settings) { settings_ = settings; }

void PromptTryout::start() {
  if (busy_ || model_dir_.isEmpty() || !unusable_reason_.isEmpty() || prompt_->toPlainText().trimmed().isEmpty())
    return;
  GenerationRequest request;
  request.model_dir = model_dir_;
  request.device = settings_.device;
  request.dtype = settings_.dtype;
  request.threads = settings_.threads;
  request.user_text = prompt_->toPlainText();
  request.template_name = template_->currentData().toString();
  tokens_view_->clear();
  request.temperature = temperature_->value();
  request.max_new_tokens = max_tokens_->value();
  output_->clear();
  streamed_pieces_ = 0;
  stats_->setText(tr("Generating..."));
  set_busy(true);
  QMetaObject::invokeMethod(worker_, [worker = worker_, request] { worker->generate(request); }, Qt::QueuedConnection);
}

void PromptTryout::stop() {
  if (!busy_) return;
  worker_->request_stop();
  stop_->setEnabled(false);
  stats_->setText(tr("Stopping..."));
}

void PromptTryout::set_busy(bool busy) {
  busy_ = busy;
  if (!busy) busy_bar_->hide();
  update_buttons();
  emit busy_changed(busy);
}

void PromptTryout::update_buttons() {
  const bool usable = !model_dir_.isEmpty() && unusable_reason_.isEmpty();
  generate_->setEnabled(!busy_ && usable && !prompt_->toPlainText().trimmed().isEmpty());
  stop_->setEnabled(busy_);
  if (!usable && !busy_) {
    generate_->setToolTip(model_dir_.isEmpty() ? tr("Choose a model in the list first") : unusable_reason_);
  } else {
    generate_->setToolTip(tr("Generate an answer (Ctrl+Enter)"));
  }
}

void PromptTryout::append_text(const QString& text) {
  // A model may emit control characters (byte-fallback pieces); they mean nothing on screen
  // and QTextDocument drops text around some of them.
  QString shown;
  shown.reserve(text.size());
  for (const QChar c : text)
    if (c.unicode() >= 0x20 || c == QLatin1Char('\n') || c == QLatin1Char('\t')) shown.append(c);
  QTextCursor cursor = output_->textCursor();
  cursor.movePosition(QTextCursor::End);
  cursor.insertText(shown);
  output_->verticalScrollBar()->setValue(output_->verticalScrollBar()->maximum());
}

void PromptTryout::retranslate() {
  setTitle(tr("Try a prompt"));
  template_label_->setText(tr("&Template:"));
  template_->setItemText(0, tr("model default"));
  template_->setToolTip(tr("model: the model's own chat template; chatml: ChatML; clinic: Chinese clinic instruction; "
                           "clinic-en: English; raw: the prompt as typed. The model default is its chat template when "
                           "it has one, else clinic."));
  prompt_->setPlaceholderText(tr("Type a question, e.g. What should I do about a mild fever?"));
  max_tokens_label_->setText(tr("&Max tokens:"));
  temperature_label_->setText(tr("T&emperature:"));
  temperature_->setToolTip(tr("0 picks the most likely token every time; higher values vary more"));
  generate_->setText(tr("&Generate"));
  stop_->setText(tr("&Stop"));
  stop_->setToolTip(tr("Stop generating (Esc)"));
  output_label_->setText(tr("&Answer:"));
  output_tabs_->setTabText(0, tr("Answer"));
  output_tabs_->setTabText(1, tr("Prompt and tokens"));
  if (!busy_ && streamed_pieces_ == 0) stats_->setText(tr("No answer yet"));
  update_buttons();
}

void PromptTryout::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QGroupBox::changeEvent(event);
}

}  // namespace medlora::ui
