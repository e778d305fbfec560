#pragma once
// Search and filters over a dataset's records: a search box (applied after a short pause in
// typing), category, status, length range and flag. Emits filter_changed() with the
// repository's RecordFilter; the filtering itself happens in the workspace.
#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimer>
#include <QWidget>

#include "core/store/record_types.h"

namespace medlora::ui {

class RecordFilterBar : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kSearchDelayMs = 300;

  explicit RecordFilterBar(QWidget* parent = nullptr);

  store::RecordFilter filter() const;
  // The categories offered besides "All" and "(untagged)"; keeps the current choice if listed.
  void set_categories(const QStringList& categories);
  // Back to "everything" without emitting filter_changed().
  void clear();
  // Applies a pending search at once (Return in the search box does the same).
  void apply_search_now();

  QLineEdit* search_edit() const { return search_; }
  QComboBox* category_combo() const { return category_; }
  QComboBox* status_combo() const { return status_; }
  QSpinBox* min_length_spin() const { return min_length_; }
  QSpinBox* max_length_spin() const { return max_length_; }
  QComboBox* flag_combo() const { return flag_; }

 Q_SIGNALS:
  void filter_changed();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();

  QLineEdit* search_;
  QComboBox* category_;
  QComboBox* status_;
  QSpinBox* min_length_;
  QSpinBox* max_length_;
  QComboBox* flag_;
  QTimer search_timer_;
  QString applied_search_;
};

}  // namespace medlora::ui
