#pragma once
// Says plainly, next to the bundled base model (`medlora make-base-model`, folder
// model::kBaseModelName), that it is a tiny demonstration model trained on this machine and
// that real work needs a real checkpoint, with a button to add one. The owner connects
// add_requested() to its own "add model folder" action. Hidden for every other model.
#include <QFrame>
#include <QLabel>
#include <QPushButton>

namespace medlora::ui {

class BundledModelNotice : public QFrame {
  Q_OBJECT

 public:
  explicit BundledModelNotice(QWidget* parent = nullptr);

  // Whether `model_dir` is the bundled base model (its folder name is model::kBaseModelName).
  static bool is_bundled_model(const QString& model_dir);
  // Shows the notice when `model_dir` is the bundled model, hides it otherwise.
  void set_model(const QString& model_dir);
  bool applies() const { return applies_; }

  QLabel* text_label() const { return text_; }
  QPushButton* add_button() const { return add_; }

 signals:
  void add_requested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();

  QLabel* text_;
  QPushButton* add_;
  bool applies_ = false;
};

}  // namespace medlora::ui
