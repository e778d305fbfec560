#pragma once
// One scored axis of the scoring screen: its name (English and Chinese), five buttons 1-5 whose
// tooltips give the rubric anchor of each score, and the anchor of the chosen score below them.
//
// Keyboard: the scale takes focus as a whole (Tab moves from scale to scale, not through its five
// buttons); digits 1-5 set the score, Left/Right step it, Delete/Backspace clear it. A score set
// by the user (key or click) emits scored(), which the screen uses to move on to the next axis.
#include <QFrame>
#include <QString>

#include <array>
#include <optional>

class QLabel;
class QToolButton;

namespace medlora::ui {

class ScoreScale : public QFrame {
  Q_OBJECT

 public:
  // `axis`: index into store::kReviewAxes (0 accuracy, 1 safety, 2 completeness, 3 readability).
  explicit ScoreScale(int axis, QWidget* parent = nullptr);

  int axis() const { return axis_; }
  std::optional<int> value() const { return value_; }
  // Sets the shown score without emitting scored() (loading an answer); emits value_changed().
  void set_value(std::optional<int> value);
  // Read-only: shows the score, takes no focus, ignores keys and clicks.
  void set_read_only(bool read_only);
  bool read_only() const { return read_only_; }

  QToolButton* button(int score) const { return buttons_.at(static_cast<size_t>(score - 1)); }
  QLabel* title_label() const { return title_; }

  // The axis's name in English (translated) and its fixed Chinese name.
  static QString axis_title(int axis);
  static QString axis_chinese(int axis);
  // What `score` (1-5) means on `axis`: the anchors for 1, 3 and 5, "between" for 2 and 4.
  static QString anchor(int axis, int score);

 signals:
  void value_changed(int value);  // 0 when cleared
  void scored(int value);         // the user set a score (1-5)

 protected:
  void keyPressEvent(QKeyEvent* event) override;
  void focusInEvent(QFocusEvent* event) override;
  void focusOutEvent(QFocusEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void choose(int score);  // a user's choice
  void update_look();
  void retranslate();

  int axis_;
  std::optional<int> value_;
  bool read_only_ = false;
  QLabel* title_;
  QLabel* hint_;
  std::array<QToolButton*, 5> buttons_{};
};

}  // namespace medlora::ui
