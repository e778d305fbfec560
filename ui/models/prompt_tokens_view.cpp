#include "ui/models/prompt_tokens_view.h"

#include <QEvent>
#include <QHeaderView>
#include <QSplitter>
#include <QVBoxLayout>

namespace medlora::ui {
namespace {

// Pieces may hold control characters (byte-level "Ċ" is fine, a raw "\n" is not): show them
// as escapes so that every row stays one line.
QString visible_piece(const QString& piece) {
  QString shown;
  for (const QChar c : piece) {
    if (c == QLatin1Char('\n')) shown += QStringLiteral("\\n");
    else if (c == QLatin1Char('\t')) shown += QStringLiteral("\\t");
    else if (c.unicode() < 0x20) shown += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
    else shown += c;
  }
  return shown;
}

}  // namespace

PromptTokensView::PromptTokensView(QWidget* parent)
    : QWidget(parent), summary_(new QLabel(this)), text_(new QPlainTextEdit(this)), table_(new QTableWidget(this)) {
  setObjectName("prompt_tokens_view");
  text_->setObjectName("prompt_text_view");
  text_->setReadOnly(true);
  table_->setObjectName("prompt_token_table");
  table_->setColumnCount(3);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->verticalHeader()->setVisible(true);
  table_->horizontalHeader()->setStretchLastSection(true);
  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->addWidget(text_);
  splitter->addWidget(table_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(summary_);
  layout->addWidget(splitter, 1);
  retranslate();
}

void PromptTokensView::show_prompt(const QString& text, const QList<qint64>& ids, const QStringList& pieces,
                                   const QList<bool>& special) {
  text_->setPlainText(text);
  table_->setRowCount(static_cast<int>(ids.size()));
  special_count_ = 0;
  for (int row = 0; row < ids.size(); ++row) {
    const bool is_special = row < special.size() && special[row];
    special_count_ += is_special ? 1 : 0;
    auto* id = new QTableWidgetItem(QString::number(ids[row]));
    auto* piece = new QTableWidgetItem(visible_piece(row < pieces.size() ? pieces[row] : QString()));
    auto* kind = new QTableWidgetItem(is_special ? tr("special") : QString());
    if (is_special) {
      QFont bold = piece->font();
      bold.setBold(true);
      for (auto* item : {id, piece, kind}) {
        item->setFont(bold);
        item->setBackground(palette().alternateBase());
      }
    }
    table_->setItem(row, 0, id);
    table_->setItem(row, 1, piece);
    table_->setItem(row, 2, kind);
  }
  tokens_ = ids.size();
  retranslate();
}

void PromptTokensView::clear() {
  text_->clear();
  table_->setRowCount(0);
  tokens_ = special_count_ = 0;
  retranslate();
}

void PromptTokensView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void PromptTokensView::retranslate() {
  table_->setHorizontalHeaderLabels({tr("Id"), tr("Piece"), tr("Kind")});
  for (int row = 0; row < table_->rowCount(); ++row) {
    if (auto* kind = table_->item(row, 2); kind && !kind->text().isEmpty()) kind->setText(tr("special"));
  }
  summary_->setText(tokens_ == 0 ? tr("The prompt appears here once a generation starts.")
                                 : tr("%n token(s) in the prompt, %1 of them special (bold).", "", static_cast<int>(tokens_))
                                       .arg(special_count_));
}

}  // namespace medlora::ui
