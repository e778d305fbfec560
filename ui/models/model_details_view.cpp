#include "ui/models/model_details_view.h"

#include <QEvent>
#include <QLocale>
#include <QVBoxLayout>

namespace medlora::ui {

namespace {

const char* const kFields[] = {"path",   "architecture", "layers",     "hidden",     "heads",
                               "ffn",    "vocab",        "context",    "parameters", "dtype",
                               "size",   "tied",         "rope_theta", "tokenizer"};

}  // namespace

ModelDetailsView::ModelDetailsView(QWidget* parent)
    : QWidget(parent), form_(new QFormLayout), heading_(new QLabel(this)), error_(new QLabel(this)) {
  heading_->setObjectName("model_heading");
  QFont font = heading_->font();
  font.setPointSizeF(font.pointSizeF() * 1.3);
  font.setBold(true);
  heading_->setFont(font);
  error_->setWordWrap(true);
  error_->setStyleSheet("color: #c62828");
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  error_->hide();
  for (const char* field : kFields) add_row(QString::fromLatin1(field));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(heading_);
  layout->addWidget(error_);
  layout->addLayout(form_);
  layout->addStretch(1);
  retranslate();
  clear_entry();
}

QLabel* ModelDetailsView::add_row(const QString& field) {
  auto* label = new QLabel(this);
  auto* value = new QLabel(this);
  value->setObjectName("detail_" + field);
  value->setTextInteractionFlags(Qt::TextSelectableByMouse);
  value->setWordWrap(true);
  form_->addRow(label, value);
  rows_.append({field, label, value});
  return value;
}

void ModelDetailsView::show_entry(const model::CatalogEntry& entry) {
  entry_ = entry;
  tokenizer_state_ = TokenizerState::None;
  refresh_values();
}

void ModelDetailsView::clear_entry() {
  entry_.reset();
  tokenizer_state_ = TokenizerState::None;
  refresh_values();
}

void ModelDetailsView::show_tokenizer_loading() {
  tokenizer_state_ = TokenizerState::Loading;
  refresh_values();
}

void ModelDetailsView::show_tokenizer(const QString& model_type, qint64 vocab_size, qint64 bos_id, qint64 eos_id,
                                      qint64 pad_id) {
  tokenizer_state_ = TokenizerState::Loaded;
  tokenizer_type_ = model_type;
  tokenizer_vocab_ = vocab_size;
  bos_ = bos_id;
  eos_ = eos_id;
  pad_ = pad_id;
  refresh_values();
}

void ModelDetailsView::show_tokenizer_error(const QString& message) {
  tokenizer_state_ = TokenizerState::Failed;
  tokenizer_error_ = message;
  refresh_values();
}

QString ModelDetailsView::value(const QString& field) const {
  for (const auto& row : rows_)
    if (row.field == field) return row.value->text();
  return {};
}

void ModelDetailsView::retranslate() {
  const QStringList titles = {tr("Folder:"),     tr("Architecture:"),      tr("Layers:"),     tr("Hidden size:"),
                              tr("Heads:"),      tr("Feed-forward size:"), tr("Vocabulary:"), tr("Context length:"),
                              tr("Parameters:"), tr("Weights dtype:"),     tr("Size on disk:"), tr("Tied embeddings:"),
                              tr("RoPE theta:"), tr("Tokenizer:")};
  for (int i = 0; i < rows_.size(); ++i) rows_[i].label->setText(titles[i]);
  refresh_values();
}

void ModelDetailsView::refresh_values() {
  auto set = [this](const QString& field, const QString& text) {
    for (auto& row : rows_)
      if (row.field == field) row.value->setText(text);
  };
  if (!entry_) {
    heading_->setText(tr("No model selected"));
    error_->hide();
    for (auto& row : rows_) row.value->clear();
    return;
  }
  const auto& e = *entry_;
  const QLocale locale;
  heading_->setText(QString::fromStdString(e.name));
  set("path", QString::fromStdString(e.path.string()));
  set("size", locale.formattedDataSize(static_cast<qint64>(e.weights_bytes)));
  error_->setVisible(!e.usable());
  error_->setText(tr("This folder cannot be used: %1").arg(QString::fromStdString(e.config_error)));
  if (e.config) {
    const auto& c = *e.config;
    set("architecture", QString::fromStdString(c.model_type));
    set("layers", locale.toString(static_cast<qlonglong>(c.num_hidden_layers)));
    set("hidden", locale.toString(static_cast<qlonglong>(c.hidden_size)));
    set("heads", tr("%1 query, %2 key/value (head size %3)")
                     .arg(c.num_attention_heads)
                     .arg(c.num_key_value_heads)
                     .arg(c.head_dim));
    set("ffn", locale.toString(static_cast<qlonglong>(c.intermediate_size)));
    set("vocab", locale.toString(static_cast<qlonglong>(c.vocab_size)));
    set("context", locale.toString(static_cast<qlonglong>(c.max_position_embeddings)));
    set("parameters", tr("%1 (%2)")
                          .arg(QString::fromStdString(model::format_count(e.parameter_count)),
                               locale.toString(static_cast<qlonglong>(e.parameter_count))));
    set("dtype", QString::fromStdString(c.torch_dtype));
    set("tied", c.tie_word_embeddings ? tr("yes") : tr("no"));
    set("rope_theta", locale.toString(c.rope_theta, 'g', 8));
  } else {
    for (const char* field : {"architecture", "layers", "hidden", "heads", "ffn", "vocab", "context", "parameters",
                              "dtype", "tied", "rope_theta"})
      set(field, tr("unknown"));
  }
  QString tokenizer;
  if (!e.has_tokenizer) {
    tokenizer = tr("none (no tokenizer.json or tokenizer.model)");
  } else {
    switch (tokenizer_state_) {
      case TokenizerState::None:
      case TokenizerState::Loading:
        tokenizer = tr("reading...");
        break;
      case TokenizerState::Loaded:
        tokenizer = tr("%1, %2 ids (BOS %3, EOS %4, pad %5)")
                        .arg(tokenizer_type_, locale.toString(tokenizer_vocab_))
                        .arg(bos_)
                        .arg(eos_)
                        .arg(pad_ < 0 ? tr("none") : QString::number(pad_));
        break;
      case TokenizerState::Failed:
        tokenizer = tr("unreadable: %1").arg(tokenizer_error_);
        break;
    }
  }
  set("tokenizer", tokenizer);
}

void ModelDetailsView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace medlora::ui
