#pragma once
// Category coverage as a bar chart (share of records per category), with each required
// category's minimum share drawn as a red mark over its bar and a warning line naming the
// categories that fall short. The report itself is core's coverage_report().
#include <QCheckBox>
#include <QLabel>
#include <QWidget>

#include <vector>

#include "core/data/category_tagger.h"
#include "core/store/category_repository.h"
#include "core/store/dataset_repository.h"

class QCustomPlot;

namespace medlora::ui {

class CoverageChart : public QWidget {
  Q_OBJECT

 public:
  explicit CoverageChart(QWidget* parent = nullptr);

  // Reads the dataset's category counts (approved records only when the box is ticked) and
  // the workspace's categories, and draws the report.
  void show_dataset(const store::DatasetRepository& datasets, const store::CategoryRepository& categories,
                    int64_t dataset_id);
  void show_report(const std::vector<data::CoverageRow>& rows, int64_t records);
  void clear();

  const std::vector<data::CoverageRow>& rows() const { return rows_; }
  QLabel* warning_label() const { return warning_; }
  QCheckBox* approved_only_check() const { return approved_only_; }
  QCustomPlot* plot() const { return plot_; }

 Q_SIGNALS:
  // The "approved only" box changed: the owner calls show_dataset() again.
  void refresh_requested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void draw();

  std::vector<data::CoverageRow> rows_;
  int64_t records_ = 0;
  QCustomPlot* plot_;
  QLabel* warning_;
  QCheckBox* approved_only_;
};

}  // namespace medlora::ui
