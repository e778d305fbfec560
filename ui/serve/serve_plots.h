#pragma once
// The Serve panel's live plots (QCustomPlot): requests/s, completion tokens/s, mean latency and
// queue length over the last few minutes, one point per sample. Older points are dropped.
#include <QList>
#include <QWidget>

#include "ui/serve/serve_rates.h"

class QCPGraph;
class QCustomPlot;

namespace medlora::ui {

class ServePlots : public QWidget {
  Q_OBJECT

 public:
  static constexpr double kWindowSeconds = 300;   // points older than this are dropped
  static constexpr double kFirstSpanSeconds = 60;  // the x axis never spans less

  explicit ServePlots(QWidget* parent = nullptr);

  // One sample at `seconds` since the server started; redraws.
  void add_sample(double seconds, const ServeRates& rates);
  void clear();

  QCPGraph* requests_graph() const { return graphs_[0]; }
  QCPGraph* tokens_graph() const { return graphs_[1]; }
  QCPGraph* latency_graph() const { return graphs_[2]; }
  QCPGraph* queue_graph() const { return graphs_[3]; }
  QList<QCustomPlot*> plots() const { return plots_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void add_point(int index, double seconds, double value);

  QList<QCustomPlot*> plots_;
  QList<QCPGraph*> graphs_;
};

}  // namespace medlora::ui
