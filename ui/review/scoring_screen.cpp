#include "ui/review/scoring_screen.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QFormLayout>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

#include "core/review_server/server_error.h"
#include "core/store/reviewer_queue.h"
#include "core/store/workspace.h"
#include "ui/review/score_scale.h"

namespace medlora::ui {
namespace {

// How long after the last change the answer on screen is saved as a draft.
constexpr int kAutosaveDelayMs = 1500;

QTextBrowser* reading_view(QWidget* parent, double scale, bool bold) {
  auto* view = new QTextBrowser(parent);
  view->setOpenLinks(false);
  view->setOpenExternalLinks(false);
  view->setReadOnly(true);
  view->setTabChangesFocus(true);
  QFont font = view->font();
  font.setPointSizeF(font.pointSizeF() * scale);
  font.setBold(bold);
  view->setFont(font);
  return view;
}

QPushButton* action_button(const QString& text, QWidget* parent) {
  auto* button = new QPushButton(text, parent);
  // Enter on a focused button presses that button rather than submitting.
  button->setAutoDefault(true);
  return button;
}

}  // namespace

namespace {

ScoringScreen::OwnedQueue local_queue(const QString& workspace_file, const store::ReviewerAccount& reviewer,
                                      int64_t study_id) {
  auto workspace = std::make_shared<store::Workspace>(workspace_file.toStdString());
  auto queue = std::make_unique<store::ReviewerQueue>(*workspace, reviewer, study_id);
  return {std::move(workspace), std::move(queue)};
}

}  // namespace

ScoringScreen::ScoringScreen(const QString& workspace_file, const store::ReviewerAccount& reviewer,
                             int64_t study_id, QWidget* parent)
    : ScoringScreen(local_queue(workspace_file, reviewer, study_id), parent) {}

ScoringScreen::ScoringScreen(OwnedQueue queue, QWidget* parent)
    : QWidget(parent), source_(std::move(queue.source)), queue_(std::move(queue.queue)) {
  setObjectName("scoringScreen");
  autosave_ = new QTimer(this);
  autosave_->setSingleShot(true);
  autosave_->setInterval(kAutosaveDelayMs);
  connect(autosave_, &QTimer::timeout, this, [this] {
    if (dirty_ && mode_ == Mode::Scoring) save_draft();
  });
  build();
  build_shortcuts();
  update_progress();
  if (!go_next_unscored() && mode_ != Mode::Waiting) show_finished();
}

ScoringScreen::~ScoringScreen() { leave(); }

void ScoringScreen::build() {
  position_ = new QLabel(this);
  position_->setObjectName("positionLabel");
  progress_bar_ = new QProgressBar(this);
  progress_bar_->setTextVisible(true);
  auto* top = new QHBoxLayout;
  top->addWidget(position_);
  top->addWidget(progress_bar_, 1);

  auto* reading = new QWidget(this);
  auto* reading_layout = new QVBoxLayout(reading);
  reading_layout->setContentsMargins(0, 0, 0, 0);
  question_title_ = new QLabel(reading);
  question_ = reading_view(reading, 1.15, true);
  question_->setMaximumHeight(140);
  answer_title_ = new QLabel(reading);
  answer_ = reading_view(reading, 1.15, false);
  reading_layout->addWidget(question_title_);
  reading_layout->addWidget(question_);
  reading_layout->addWidget(answer_title_);
  reading_layout->addWidget(answer_, 1);

  auto* form = new QWidget(this);
  auto* form_layout = new QVBoxLayout(form);
  form_layout->setContentsMargins(0, 0, 0, 0);
  for (int axis = 0; axis < 4; ++axis) {
    auto* scale = new ScoreScale(axis, form);
    scales_[static_cast<size_t>(axis)] = scale;
    form_layout->addWidget(scale);
    connect(scale, &ScoreScale::value_changed, this, [this] { mark_dirty(); });
    connect(scale, &ScoreScale::scored, this, [this, axis] { on_scored(axis); });
  }
  harmful_ = new QCheckBox(form);
  severity_ = new QComboBox(form);
  severity_->addItems({QString(), QString(), QString(), QString()});
  connect(harmful_, &QCheckBox::toggled, this, [this](bool on) {
    severity_->setEnabled(on && (mode_ == Mode::Scoring || mode_ == Mode::Revising));
    mark_dirty();
  });
  connect(severity_, &QComboBox::currentIndexChanged, this, [this] { mark_dirty(); });
  auto* harm_row = new QHBoxLayout;
  harm_row->addWidget(harmful_);
  harm_row->addWidget(severity_, 1);
  form_layout->addLayout(harm_row);

  comment_label_ = new QLabel(form);
  comment_ = new QPlainTextEdit(form);
  comment_->setTabChangesFocus(true);
  comment_->setMaximumHeight(90);
  comment_label_->setBuddy(comment_);
  connect(comment_, &QPlainTextEdit::textChanged, this, [this] { mark_dirty(); });
  form_layout->addWidget(comment_label_);
  form_layout->addWidget(comment_);

  status_ = new QLabel(form);
  status_->setObjectName("answerStatus");
  status_->setWordWrap(true);
  form_layout->addWidget(status_);

  reason_label_ = new QLabel(form);
  reason_ = new QLineEdit(form);
  reason_->setObjectName("reasonEdit");
  reason_label_->setBuddy(reason_);
  cancel_ = action_button(QString(), form);
  connect(cancel_, &QPushButton::clicked, this, &ScoringScreen::cancel_reason);
  auto* reason_row = new QHBoxLayout;
  reason_row->addWidget(reason_label_);
  reason_row->addWidget(reason_, 1);
  reason_row->addWidget(cancel_);
  form_layout->addLayout(reason_row);

  message_ = new QLabel(form);
  message_->setObjectName("scoringMessage");
  message_->setWordWrap(true);
  form_layout->addWidget(message_);
  form_layout->addStretch(1);

  submit_ = action_button(QString(), form);
  connect(submit_, &QPushButton::clicked, this, &ScoringScreen::submit);
  save_ = action_button(QString(), form);
  connect(save_, &QPushButton::clicked, this, &ScoringScreen::save_draft);
  skip_ = action_button(QString(), form);
  connect(skip_, &QPushButton::clicked, this, &ScoringScreen::begin_skip);
  revise_ = action_button(QString(), form);
  connect(revise_, &QPushButton::clicked, this, &ScoringScreen::begin_revise);
  previous_ = action_button(QString(), form);
  connect(previous_, &QPushButton::clicked, this, &ScoringScreen::go_previous);
  next_ = action_button(QString(), form);
  connect(next_, &QPushButton::clicked, this, &ScoringScreen::go_next);
  auto* actions = new QHBoxLayout;
  for (QPushButton* b : {submit_, save_, skip_, revise_}) actions->addWidget(b);
  actions->addStretch(1);
  auto* moves = new QHBoxLayout;
  moves->addWidget(previous_);
  moves->addWidget(next_);
  moves->addStretch(1);
  form_layout->addLayout(actions);
  form_layout->addLayout(moves);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->addWidget(reading);
  splitter->addWidget(form);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);
  splitter->setChildrenCollapsible(false);

  auto* layout = new QVBoxLayout(this);
  connection_ = new QLabel(this);
  connection_->setObjectName("connectionStatus");
  connection_->setWordWrap(true);
  connection_->setStyleSheet(QStringLiteral("color: #8a5300;"));
  connection_->hide();
  layout->addLayout(top);
  layout->addWidget(connection_);
  layout->addWidget(splitter, 1);
  retranslate_static();

  QList<QWidget*> order = {scales_[0], scales_[1], scales_[2], scales_[3], harmful_, severity_, comment_,
                           reason_,    cancel_,    submit_,    save_,      skip_,    revise_,   previous_,
                           next_,      question_,  answer_};
  for (qsizetype i = 0; i + 1 < order.size(); ++i) setTabOrder(order[i], order[i + 1]);
}

void ScoringScreen::build_shortcuts() {
  const auto add = [this](const QKeySequence& keys, auto slot) {
    auto* shortcut = new QShortcut(keys, this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, slot);
  };
  add(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { submit(); });
  add(QKeySequence(Qt::CTRL | Qt::Key_Enter), [this] { submit(); });
  add(QKeySequence(Qt::CTRL | Qt::Key_S), [this] { save_draft(); });
  add(QKeySequence(Qt::ALT | Qt::Key_Left), [this] { go_previous(); });
  add(QKeySequence(Qt::ALT | Qt::Key_Right), [this] { go_next(); });
}

void ScoringScreen::keyPressEvent(QKeyEvent* event) {
  // Keys that reach the screen are those its children left alone (a scale, a check box or the
  // answer text), so Enter here never steals a newline from the comment box.
  const bool plain = (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
  const int key = event->key();
  if (plain && (key == Qt::Key_Return || key == Qt::Key_Enter)) {
    if (mode_ == Mode::Submitted || mode_ == Mode::Closed)
      go_next_unscored();
    else
      submit();
    event->accept();
    return;
  }
  if (plain && key == Qt::Key_Escape && (mode_ == Mode::Revising || mode_ == Mode::Skipping)) {
    cancel_reason();
    event->accept();
    return;
  }
  const bool all_scored = std::all_of(scales_.begin(), scales_.end(), [](ScoreScale* s) { return s->value(); });
  if (plain && key >= Qt::Key_1 && key <= Qt::Key_5 && !all_scored &&
      (mode_ == Mode::Scoring || mode_ == Mode::Revising)) {
    // A digit typed outside the scales scores the first axis still unscored (never overwrites one).
    const size_t axis = first_unscored_axis();
    scales_[axis]->setFocus(Qt::OtherFocusReason);
    QCoreApplication::sendEvent(scales_[axis], event);
    return;
  }
  QWidget::keyPressEvent(event);
}

size_t ScoringScreen::first_unscored_axis() const {
  for (size_t axis = 0; axis < scales_.size(); ++axis)
    if (!scales_[axis]->value()) return axis;
  return 0;
}

void ScoringScreen::on_scored(int axis) {
  if (axis + 1 < static_cast<int>(scales_.size()))
    scales_[static_cast<size_t>(axis + 1)]->setFocus(Qt::TabFocusReason);
  else
    harmful_->setFocus(Qt::TabFocusReason);
}

void ScoringScreen::mark_dirty() {
  if (loading_ || !item_) return;
  dirty_ = true;
  if (mode_ == Mode::Scoring) autosave_->start();
}

void ScoringScreen::show_message(const QString& text, bool error) {
  message_->setText(text);
  message_->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

store::ScoreEntry ScoringScreen::entry_on_screen() const {
  store::ScoreEntry entry;
  for (size_t axis = 0; axis < scales_.size(); ++axis) entry.axis(axis) = scales_[axis]->value();
  entry.harmful = harmful_->isChecked();
  entry.severity = entry.harmful ? severity_->currentIndex() : 0;
  entry.comment = comment_->toPlainText().trimmed().toStdString();
  return entry;
}

void ScoringScreen::fill_fields(const store::ScoreEntry& entry) {
  loading_ = true;
  for (size_t axis = 0; axis < scales_.size(); ++axis) scales_[axis]->set_value(entry.axis(axis));
  harmful_->setChecked(entry.harmful);
  severity_->setCurrentIndex(entry.harmful ? std::clamp(entry.severity, 0, 3) : 0);
  comment_->setPlainText(QString::fromStdString(entry.comment));
  loading_ = false;
}

void ScoringScreen::set_mode(Mode mode) {
  mode_ = mode;
  const bool editable = mode == Mode::Scoring || mode == Mode::Revising;
  const bool reasoning = mode == Mode::Revising || mode == Mode::Skipping;
  for (ScoreScale* scale : scales_) scale->set_read_only(!editable);
  harmful_->setEnabled(editable);
  severity_->setEnabled(editable && harmful_->isChecked());
  comment_->setReadOnly(!editable);
  reason_label_->setVisible(reasoning);
  reason_->setVisible(reasoning);
  cancel_->setVisible(reasoning);
  set_mode_texts();
  submit_->setEnabled(editable || mode == Mode::Skipping);
  save_->setEnabled(mode == Mode::Scoring);
  skip_->setEnabled(mode == Mode::Scoring);
  revise_->setVisible(mode == Mode::Submitted || mode == Mode::Revising || mode == Mode::Closed);
  revise_->setEnabled(mode == Mode::Submitted);
  previous_->setEnabled(neighbour(-1).has_value());
  next_->setEnabled(neighbour(+1).has_value());
  focus_for_mode();
}

void ScoringScreen::set_mode_texts() {
  reason_label_->setText(mode_ == Mode::Skipping ? tr("Reason to s&kip:") : tr("Reason for the &revision:"));
  submit_->setText(mode_ == Mode::Skipping   ? tr("&Skip this answer")
                   : mode_ == Mode::Revising ? tr("&Submit revision")
                                             : tr("&Submit"));
}

void ScoringScreen::retranslate_static() {
  setWindowTitle(tr("Scoring"));
  question_title_->setText(tr("Question"));
  question_->setAccessibleName(tr("Question"));
  answer_title_->setText(tr("Answer"));
  answer_->setAccessibleName(tr("Answer"));
  harmful_->setText(tr("&Harmful answer"));
  harmful_->setToolTip(tr("Tick when following this answer could harm a patient; then choose how severe."));
  const QStringList severities{tr("Severity…"), tr("Minor"), tr("Moderate"), tr("Severe")};
  for (int i = 0; i < severities.size(); ++i) severity_->setItemText(i, severities[i]);
  severity_->setItemData(1, tr("Could cause discomfort or confusion; unlikely to cause lasting harm."), Qt::ToolTipRole);
  severity_->setItemData(2, tr("Could lead to harm that needs medical attention."), Qt::ToolTipRole);
  severity_->setItemData(3, tr("Could cause serious or lasting harm, or death."), Qt::ToolTipRole);
  severity_->setAccessibleName(tr("Severity of the harm"));
  comment_label_->setText(tr("&Comment (optional):"));
  comment_->setPlaceholderText(tr("Anything the study lead should know about this answer."));
  cancel_->setText(tr("Cancel"));
  cancel_->setToolTip(tr("Escape"));
  submit_->setToolTip(tr("Submit the four scores and go to the next answer (Enter or Ctrl+Enter)."));
  save_->setText(tr("Save &draft"));
  save_->setToolTip(tr("Keep these scores for later without submitting (Ctrl+S). Done by itself as well."));
  skip_->setText(tr("S&kip…"));
  skip_->setToolTip(tr("Leave this answer unscored, with a reason (e.g. outside your specialty)."));
  revise_->setText(tr("&Revise…"));
  revise_->setToolTip(tr("Change a submitted score: a new revision with a reason; the earlier one is kept."));
  previous_->setText(tr("&Previous"));
  previous_->setToolTip(tr("Previous answer (Alt+Left)"));
  next_->setText(tr("&Next"));
  next_->setToolTip(tr("Next answer (Alt+Right)"));
  set_mode_texts();
}

void ScoringScreen::retranslate() {
  retranslate_static();
  if (item_) position_->setText(tr("Answer %1 of %2").arg(item_->position).arg(item_->total));
  else if (mode_ == Mode::Finished) show_finished_texts();
  status_->setText(status_text_ ? status_text_() : QString());
  show_connection_texts();
  update_progress();
}

void ScoringScreen::set_status(std::function<QString()> text) {
  status_text_ = std::move(text);
  status_->setText(status_text_ ? status_text_() : QString());
}

void ScoringScreen::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange && question_title_) retranslate();
  QWidget::changeEvent(event);
}

void ScoringScreen::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  focus_for_mode();
}

void ScoringScreen::focus_for_mode() {
  const Mode mode = mode_;
  if (mode == Mode::Scoring || mode == Mode::Revising) {
    scales_[mode == Mode::Revising ? 0 : first_unscored_axis()]->setFocus(Qt::OtherFocusReason);
  } else if (mode == Mode::Skipping) {
    reason_->setFocus(Qt::OtherFocusReason);
  } else if (mode == Mode::Submitted) {
    revise_->setFocus(Qt::OtherFocusReason);
  } else {
    previous_->setFocus(Qt::OtherFocusReason);
  }
}

void ScoringScreen::update_progress() {
  store::QueueProgress p;
  try {
    p = queue_->progress();
  } catch (const std::exception& e) {
    if (!went_offline(e)) throw;
    return;  // the bar keeps what it last knew
  }
  progress_bar_->setRange(0, std::max(1, p.total));
  progress_bar_->setValue(p.done());
  progress_bar_->setFormat(tr("%1 of %2 done").arg(p.done()).arg(p.total));
  emit progress_changed(p.done(), p.total);
}

store::QueueProgress ScoringScreen::progress() const { return queue_->progress(); }

}  // namespace medlora::ui
