#pragma once
// The Serve panel: runs `medlora serve`'s server inside the workbench. A form (model folder,
// adapters, routing, template, safety action, cache, request log, host, port, queue, batch), Start and Stop, the URL with a copy button, the
// workspace's API keys, and live plots of requests/s, tokens/s, latency and the queue.
//
// THREADS: loading the model and binding, and the draining stop, run on threads of their own
// (run_off_gui_thread); the server serves on its own thread. The GUI thread only reads the
// thread-safe metrics, once a second.
#include <QElapsedTimer>
#include <QString>
#include <QTimer>

#include <memory>

#include "ui/serve/serve_rates.h"
#include "ui/settings/workbench_settings.h"
#include "ui/shell/panel.h"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace medlora::store {
class Workspace;
}

namespace medlora::serve {
class ServerStack;
}

namespace medlora::ui {

class ServeForm;
class ServeKeysView;
class ServePlots;

class ServePanel : public Panel {
  Q_OBJECT

 public:
  enum class State { Stopped, Starting, Serving, Stopping };
  static constexpr int kSampleIntervalMs = 1000;

  explicit ServePanel(const QString& workspace_file, QWidget* parent = nullptr);
  ~ServePanel() override;  // a running server is drained and stopped first

  QString panel_title() const override;
  QIcon panel_icon() const override;

  // The workspace whose keys are listed and used by the next start; false (said in the keys'
  // error label) when it cannot be opened.
  bool open_workspace(const QString& file);

  // The compute settings (device, dtype, threads) the next start loads the model with; until
  // called: auto, all cores.
  void configure(const WorkbenchSettings& settings) { compute_settings_ = settings; }

  // Start: checks the form, then loads and binds off the GUI thread. Stop: drains off it.
  void start();
  void stop();
  // Reads the metrics now (the timer does it once a second while serving).
  void sample();

  State state() const { return state_; }
  QString url() const;
  ServeForm* form() const { return form_; }
  ServeKeysView* keys() const { return keys_; }
  ServePlots* plots() const { return plots_; }
  QPushButton* start_button() const { return start_; }
  QPushButton* stop_button() const { return stop_; }
  QLabel* error_label() const { return error_; }
  QLabel* totals_label() const { return totals_; }
  QProgressBar* busy_indicator() const { return busy_; }

 signals:
  void state_changed(ServePanel::State state);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void set_state(State state);
  void show_error(const QString& message);
  void update_status();

  QString workspace_file_;
  WorkbenchSettings compute_settings_;
  std::unique_ptr<store::Workspace> workspace_;
  std::shared_ptr<serve::ServerStack> session_;  // the running server
  State state_ = State::Stopped;
  ServeRateSampler sampler_;
  QElapsedTimer since_start_;
  double last_sample_seconds_ = 0;
  QTimer sample_timer_;

  ServeForm* form_;
  QPushButton* start_;
  QPushButton* stop_;
  QProgressBar* busy_;
  QLabel* status_;
  QLabel* error_;
  QLabel* url_label_;
  QLineEdit* url_;
  QPushButton* copy_url_;
  QLabel* keys_title_;
  ServeKeysView* keys_;
  QLabel* plots_title_;
  ServePlots* plots_;
  QLabel* totals_;
  serve::ServeMetrics::Totals last_totals_;
  serve::ServeGauges last_gauges_;
};

}  // namespace medlora::ui
