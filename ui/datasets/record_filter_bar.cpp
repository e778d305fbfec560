#include "ui/datasets/record_filter_bar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

#include "ui/datasets/review_status_text.h"

namespace medlora::ui {

namespace {
// The category combo's item data: all categories, untagged records, or a category's name.
const QString kAllCategories = QStringLiteral("\x01all");
const QString kUntagged = QStringLiteral("\x01untagged");
}  // namespace

RecordFilterBar::RecordFilterBar(QWidget* parent)
    : QWidget(parent),
      search_(new QLineEdit(this)),
      category_(new QComboBox(this)),
      status_(new QComboBox(this)),
      min_length_(new QSpinBox(this)),
      max_length_(new QSpinBox(this)),
      flag_(new QComboBox(this)) {
  search_->setObjectName("search");
  search_->setClearButtonEnabled(true);
  category_->setObjectName("category_filter");
  status_->setObjectName("status_filter");
  min_length_->setObjectName("min_length");
  max_length_->setObjectName("max_length");
  flag_->setObjectName("flag_filter");
  for (QSpinBox* spin : {min_length_, max_length_}) {
    spin->setRange(0, 1000000);
    spin->setSingleStep(50);
    spin->setKeyboardTracking(false);
  }
  flag_->setEditable(true);
  flag_->setInsertPolicy(QComboBox::NoInsert);
  flag_->addItems({QString(), "pii", "near-dup"});
  category_->addItem(QString(), kAllCategories);
  category_->addItem(QString(), kUntagged);
  status_->addItem(QString());
  for (const auto status : kAllReviewStatuses)
    status_->addItem(QString(), QString::fromLatin1(data::review_status_name(status)));

  search_timer_.setSingleShot(true);
  search_timer_.setInterval(kSearchDelayMs);
  connect(search_, &QLineEdit::textEdited, &search_timer_, qOverload<>(&QTimer::start));
  connect(search_, &QLineEdit::returnPressed, this, &RecordFilterBar::apply_search_now);
  // The clear button changes the text without textEdited.
  connect(search_, &QLineEdit::textChanged, this, [this](const QString& text) {
    if (text.isEmpty() && !applied_search_.isEmpty()) apply_search_now();
  });
  connect(&search_timer_, &QTimer::timeout, this, &RecordFilterBar::apply_search_now);
  connect(category_, &QComboBox::currentIndexChanged, this, &RecordFilterBar::filter_changed);
  connect(status_, &QComboBox::currentIndexChanged, this, &RecordFilterBar::filter_changed);
  connect(min_length_, &QSpinBox::valueChanged, this, &RecordFilterBar::filter_changed);
  connect(max_length_, &QSpinBox::valueChanged, this, &RecordFilterBar::filter_changed);
  connect(flag_, &QComboBox::currentTextChanged, this, &RecordFilterBar::filter_changed);

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(search_, 3);
  layout->addWidget(category_, 1);
  layout->addWidget(status_, 1);
  layout->addWidget(min_length_);
  layout->addWidget(new QLabel(QStringLiteral("–"), this));
  layout->addWidget(max_length_);
  layout->addWidget(flag_, 1);
  retranslate();
}

void RecordFilterBar::apply_search_now() {
  search_timer_.stop();
  if (search_->text() == applied_search_) return;
  applied_search_ = search_->text();
  Q_EMIT filter_changed();
}

store::RecordFilter RecordFilterBar::filter() const {
  store::RecordFilter filter;
  filter.search = applied_search_.trimmed().toStdString();
  const QString category = category_->currentData().toString();
  if (category == kUntagged) filter.category = std::string();
  else if (category != kAllCategories) filter.category = category.toStdString();
  const QString status = status_->currentData().toString();
  if (!status.isEmpty()) filter.status = data::parse_review_status(status.toStdString());
  filter.min_length = min_length_->value();
  filter.max_length = max_length_->value();
  filter.flag = flag_->currentText().trimmed().toStdString();
  return filter;
}

void RecordFilterBar::set_categories(const QStringList& categories) {
  const QString current = category_->currentData().toString();
  const QSignalBlocker block(category_);
  while (category_->count() > 2) category_->removeItem(2);
  for (const QString& name : categories)
    if (!name.isEmpty()) category_->addItem(name, name);
  const int index = category_->findData(current);
  category_->setCurrentIndex(index >= 0 ? index : 0);
  if (index < 0 && current != kAllCategories) Q_EMIT filter_changed();
}

void RecordFilterBar::clear() {
  const QSignalBlocker b1(search_), b2(category_), b3(status_), b4(min_length_), b5(max_length_), b6(flag_);
  search_timer_.stop();
  search_->clear();
  applied_search_.clear();
  category_->setCurrentIndex(0);
  status_->setCurrentIndex(0);
  min_length_->setValue(0);
  max_length_->setValue(0);
  flag_->setCurrentIndex(0);
}

void RecordFilterBar::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void RecordFilterBar::retranslate() {
  search_->setPlaceholderText(tr("Search instruction, input and output (all words must occur)"));
  category_->setItemText(0, tr("All categories"));
  category_->setItemText(1, tr("(untagged)"));
  category_->setToolTip(tr("Show the records of one department category"));
  status_->setItemText(0, tr("Any status"));
  for (int i = 0; i < 4; ++i) status_->setItemText(i + 1, review_status_label(kAllReviewStatuses[i]));
  status_->setToolTip(tr("Show records with one review status"));
  min_length_->setSpecialValueText(tr("min length"));
  max_length_->setSpecialValueText(tr("max length"));
  min_length_->setToolTip(tr("Shortest length shown, in characters of instruction + input + output (0: no bound)"));
  max_length_->setToolTip(tr("Longest length shown, in characters of instruction + input + output (0: no bound)"));
  flag_->lineEdit()->setPlaceholderText(tr("any flag"));
  flag_->setToolTip(tr("Show records carrying this flag (e.g. pii, near-dup)"));
}

}  // namespace medlora::ui
