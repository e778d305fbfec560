#include "ui/training/training_panel.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QMessageBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>

#include "core/data/dataset_split.h"
#include "core/store/dataset_transfer.h"
#include "core/store/run_repository.h"
#include "core/store/workspace.h"
#include "ui/training/distill_metrics.h"
#include "ui/training/live_curves.h"
#include "ui/training/run_form.h"
#include "ui/training/run_history.h"
#include "ui/training/run_process.h"
#include "ui/training/training_data_offer.h"

namespace medlora::ui {
namespace {

double number_or_nan(const QJsonObject& line, const char* key) {
  const auto v = line.value(key);
  return v.isDouble() ? v.toDouble() : std::nan("");
}

QString eta_text(double seconds) {
  if (seconds < 60) return QObject::tr("%1 s").arg(std::lround(seconds));
  if (seconds < 3600) return QObject::tr("%1 min").arg(std::lround(seconds / 60));
  return QObject::tr("%1 h %2 min").arg(static_cast<long>(seconds / 3600)).arg(std::lround(std::fmod(seconds, 3600) / 60));
}

}  // namespace

TrainingPanel::TrainingPanel(const QString& workspace_file, const QString& medlora_executable, QWidget* parent)
    : Panel(parent), executable_(medlora_executable) {
  process_ = new RunProcess(medlora_executable, this);
  form_ = new RunForm(this);
  data_offer_ = new TrainingDataOffer(form_, this);
  history_ = new RunHistory(this);
  curves_ = new LiveCurves(this);
  tabs_ = new QTabWidget(this);
  run_title_ = new QLabel(this);
  QFont title_font = run_title_->font();
  title_font.setBold(true);
  run_title_->setFont(title_font);
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  progress_ = new QProgressBar(this);
  progress_->setRange(0, 1);
  progress_->setValue(0);
  launch_ = new QPushButton(this);
  stop_ = new QPushButton(QIcon(":/icons/stop.png"), QString(), this);
  resume_ = new QPushButton(this);
  export_plot_ = new QPushButton(this);

  auto* new_run = new QWidget(this);
  auto* new_run_layout = new QVBoxLayout(new_run);
  new_run_layout->addWidget(data_offer_);
  new_run_layout->addWidget(form_, 1);
  new_run_layout->addWidget(launch_);
  tabs_->addTab(new_run, QString());
  tabs_->addTab(history_, QString());

  auto* monitor = new QWidget(this);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(run_title_, 1);
  buttons->addWidget(stop_);
  buttons->addWidget(resume_);
  buttons->addWidget(export_plot_);
  auto* monitor_layout = new QVBoxLayout(monitor);
  monitor_layout->addLayout(buttons);
  monitor_layout->addWidget(progress_);
  monitor_layout->addWidget(status_);
  monitor_layout->addWidget(curves_, 1);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->addWidget(tabs_);
  splitter->addWidget(monitor);
  splitter->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(splitter);

  connect(launch_, &QPushButton::clicked, this, [this] {
    QString error;
    if (!launch(&error)) QMessageBox::warning(this, tr("Launch run"), error);
  });
  connect(stop_, &QPushButton::clicked, this, &TrainingPanel::stop_run);
  connect(resume_, &QPushButton::clicked, this, [this] {
    QString error;
    if (shown_run_id_ && !resume_run(*shown_run_id_, &error)) QMessageBox::warning(this, tr("Resume run"), error);
  });
  connect(export_plot_, &QPushButton::clicked, this, &TrainingPanel::export_plot_with_dialog);
  connect(form_, &RunForm::validity_changed, launch_, &QPushButton::setEnabled);
  connect(data_offer_, &TrainingDataOffer::failed, this, [this](const QString& message) {
    set_status(message);
    QMessageBox::warning(this, tr("Sample data"), message);
  });
  connect(process_, &RunProcess::restarted, this, [this] {
    curves_->clear();
    total_steps_ = start_step_ = steps_per_epoch_ = 0;
    progress_->setRange(0, 1);
    progress_->setValue(0);
  });
  connect(process_, &RunProcess::train_metrics, this, &TrainingPanel::on_train_line);
  connect(process_, &RunProcess::eval_metrics, this, &TrainingPanel::on_eval_line);
  connect(process_, &RunProcess::event_received, this, &TrainingPanel::on_event);
  connect(process_, &RunProcess::ended, this, &TrainingPanel::on_ended);
  connect(history_, &RunHistory::show_requested, this, &TrainingPanel::show_run);
  connect(history_, &RunHistory::overlay_requested, this, &TrainingPanel::overlay_runs);
  connect(history_, &RunHistory::resume_requested, this, [this](qint64 id) {
    QString error;
    if (!resume_run(id, &error)) QMessageBox::warning(this, tr("Resume run"), error);
  });
  connect(history_, &RunHistory::message, this, &TrainingPanel::status_message);
  connect(history_, &RunHistory::first_run_requested, this, [this] {
    tabs_->setCurrentIndex(0);  // New run
    form_->setFocus(Qt::OtherFocusReason);
  });
  retranslate();
  open_workspace(workspace_file);
}

TrainingPanel::~TrainingPanel() {
  // The run keeps going unless shut_down(false) stopped it; only the following ends here.
  process_->detach();
}

QString TrainingPanel::panel_title() const { return tr("Training"); }
QIcon TrainingPanel::panel_icon() const { return QIcon(":/icons/generate.png"); }

void TrainingPanel::retranslate() {
  tabs_->setTabText(0, tr("New run"));
  tabs_->setTabText(1, tr("History"));
  launch_->setText(tr("Launch run"));
  stop_->setText(tr("Stop"));
  stop_->setToolTip(tr("Stop after the current step; a checkpoint is written so the run can be resumed"));
  resume_->setText(tr("Resume"));
  resume_->setToolTip(tr("Continue this run from its last checkpoint"));
  export_plot_->setText(tr("Export plot…"));
  if (run_title_->text().isEmpty()) run_title_->setText(tr("No run shown"));
  progress_->setFormat(tr("%v / %m steps"));
}

void TrainingPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  Panel::changeEvent(event);
}

void TrainingPanel::set_status(const QString& text) {
  status_->setText(text);
  Q_EMIT status_message(text);
}

void TrainingPanel::open_workspace(const QString& workspace_file) {
  if (process_->is_running()) process_->detach();
  form_->set_workspace(nullptr);
  data_offer_->set_workspace(nullptr);
  history_->set_workspace(nullptr);
  workspace_.reset();
  followed_run_id_.reset();
  shown_run_id_.reset();
  workspace_file_ = workspace_file;
  if (workspace_file.isEmpty()) return;
  try {
    workspace_ = std::make_unique<store::Workspace>(workspace_file.toStdString());
  } catch (const std::exception& e) {
    set_status(tr("Cannot open the workspace: %1").arg(QString::fromStdString(e.what())));
    update_buttons();
    return;
  }
  form_->set_workspace(workspace_.get());
  data_offer_->set_workspace(workspace_.get());
  history_->set_workspace(workspace_.get());
  // Re-attach: a run recorded as running whose trainer is still alive is followed again;
  // one whose trainer is gone is listed as interrupted, with Resume.
  for (const auto& run : store::RunRepository(*workspace_).list()) {
    if (run.status != "running" || !run.pid) continue;
    const QString folder = QString::fromStdString(run.folder);
    if (process_->attach(folder, *run.pid)) {
      followed_run_id_ = shown_run_id_ = run.id;
      followed_dir_ = folder;
      run_title_->setText(tr("Run %1 (re-attached)").arg(QString::fromStdString(run.name)));
      set_status(tr("Following the running run %1 again.").arg(QString::fromStdString(run.name)));
      break;
    }
  }
  if (!followed_run_id_) {
    const auto runs = store::RunRepository(*workspace_).list();
    if (!runs.empty()) show_run(runs.front().id);
  }
  update_buttons();
}

void TrainingPanel::set_models_dir(const QString& dir) { form_->set_models_dir(dir); }

bool TrainingPanel::launch(QString* error, qint64 max_steps) {
  auto fail = [&](const QString& why) {
    if (error) *error = why;
    set_status(why);
    return false;
  };
  if (!workspace_) return fail(tr("Open a workspace first."));
  if (process_->is_running()) return fail(tr("A run is going; stop it or wait for it before launching another."));
  form_->validate();
  if (!form_->can_launch()) return fail(form_->errors().join('\n'));
  RunRequest request = form_->request();
  if (!QDir().mkpath(request.run_dir)) return fail(tr("Cannot create the run folder %1.").arg(request.run_dir));
  if (request.dataset_id) {
    // The dataset leaves the workspace as trainer JSONL files inside the run folder, so the
    // run stays reproducible after the dataset changes.
    const QString data_dir = QDir(request.run_dir).filePath("data");
    try {
      if (request.validation_fraction > 0) {
        data::SplitSpec spec;
        spec.validation = request.validation_fraction;
        spec.seed = static_cast<uint64_t>(request.config["training"].toObject().value("seed").toInteger(42));
        const auto split = store::split_dataset(*workspace_, *request.dataset_id, spec, data_dir.toStdString(),
                                                data::ExportFormat::TrainerJsonl, request.approved_only);
        request.config["train_file"] = QString::fromStdString(split.files.at("train").string());
        request.config["eval_file"] = QString::fromStdString(split.files.at("validation").string());
      } else {
        const QString file = QDir(data_dir).filePath("train.jsonl");
        QDir().mkpath(data_dir);
        store::export_dataset(*workspace_, *request.dataset_id, file.toStdString(), data::ExportFormat::TrainerJsonl,
                              request.approved_only);
        request.config["train_file"] = file;
      }
    } catch (const std::exception& e) {
      return fail(tr("Could not export the dataset: %1").arg(QString::fromStdString(e.what())));
    }
  }
  const QString config_file = QDir(request.run_dir).filePath("run_request.json");
  QFile out(config_file);
  if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
      out.write(QJsonDocument(request.config).toJson(QJsonDocument::Indented)) < 0)
    return fail(tr("Cannot write %1: %2").arg(config_file, out.errorString()));
  out.close();
  QString why;
  curves_->clear_overlays();
  followed_run_id_.reset();
  shown_run_id_.reset();
  followed_dir_ = QDir(request.run_dir).absolutePath();
  if (!process_->start(config_file, request.run_dir, workspace_file_, max_steps, &why)) return fail(why);
  run_title_->setText(tr("Run %1").arg(request.name));
  set_status(tr("Started %1.").arg(request.name));
  update_buttons();
  return true;
}

void TrainingPanel::stop_run() {
  if (!process_->is_running()) return;
  process_->stop();
  set_status(tr("Stopping after the current step (a checkpoint is written)…"));
  stop_->setEnabled(false);
}

bool TrainingPanel::resume_run(qint64 run_id, QString* error, qint64 max_steps) {
  auto fail = [&](const QString& why) {
    if (error) *error = why;
    set_status(why);
    return false;
  };
  if (!workspace_) return fail(tr("Open a workspace first."));
  if (process_->is_running()) return fail(tr("A run is going; stop it or wait for it before resuming another."));
  const auto run = store::RunRepository(*workspace_).find(run_id);
  if (!run) return fail(tr("No run %1 in this workspace.").arg(run_id));
  const QString folder = QString::fromStdString(run->folder);
  QString why;
  curves_->clear_overlays();
  followed_run_id_ = shown_run_id_ = run_id;
  followed_dir_ = folder;
  if (!process_->resume(folder, workspace_file_, max_steps, &why)) return fail(why);
  run_title_->setText(tr("Run %1 (resumed)").arg(QString::fromStdString(run->name)));
  set_status(tr("Resuming %1 from its last checkpoint…").arg(QString::fromStdString(run->name)));
  update_buttons();
  return true;
}

void TrainingPanel::find_followed_run() {
  if (followed_run_id_ || !workspace_ || followed_dir_.isEmpty()) return;
  if (const auto run = store::RunRepository(*workspace_).find_by_folder(followed_dir_.toStdString())) {
    followed_run_id_ = shown_run_id_ = run->id;
    history_->refresh();
  }
}

void TrainingPanel::on_train_line(const QJsonObject& line) {
  const double step = line.value("step").toDouble();
  curves_->add_train_point(step, number_or_nan(line, "loss"), number_or_nan(line, "learning_rate"),
                           number_or_nan(line, "grad_norm"), number_or_nan(line, "tokens_per_second"));
  if (is_distill_line(line)) {
    const auto p = distill_point(line);
    curves_->add_distill_point(p.step, p.kl_loss, p.ce_loss, p.teacher_agreement);
  }
  if (total_steps_ <= 0) return;
  progress_->setValue(static_cast<int>(std::min<double>(step, total_steps_)));
  QStringList parts{tr("Epoch %1").arg(line.value("epoch").toDouble(), 0, 'f', 2),
                    tr("step %1 of %2").arg(step).arg(total_steps_)};
  const double seconds = line.value("seconds").toDouble();
  if (step > start_step_ && seconds > 0)
    parts << tr("ETA %1").arg(eta_text((total_steps_ - step) * seconds / (step - start_step_)));
  if (line.value("tokens_per_second").isDouble())
    parts << tr("%1 tokens/s").arg(std::lround(line.value("tokens_per_second").toDouble()));
  status_->setText(parts.join(QStringLiteral(" · ")));
}

void TrainingPanel::on_eval_line(const QJsonObject& line) {
  curves_->add_eval_point(line.value("step").toDouble(), number_or_nan(line, "eval_loss"));
}

void TrainingPanel::on_event(const QString& name, const QJsonObject& line) {
  const double step = line.value("step").toDouble();
  if (name == "started") {
    total_steps_ = line.value("total_steps").toInteger();
    start_step_ = line.value("step").toInteger();
    steps_per_epoch_ = line.value("steps_per_epoch").toInteger();
    progress_->setRange(0, static_cast<int>(std::max<qint64>(total_steps_, 1)));
    progress_->setValue(static_cast<int>(start_step_));
    find_followed_run();
    set_status(tr("Training: %1 steps, %2 examples, %3 on %4.")
                   .arg(total_steps_)
                   .arg(line.value("train_examples").toInteger())
                   .arg(line.value("compute_dtype").toString(), line.value("device").toString()) +
               (line.contains("warning") ? QStringLiteral(" ⚠ ") + line.value("warning").toString() : QString()));
  } else if (name == "checkpoint") {
    curves_->add_checkpoint(step);
  } else if (name == "skipped_step") {
    curves_->add_skipped_step(step);
  } else if (name == "early_stop") {
    set_status(tr("Early stopping at step %1: the eval loss stopped improving.").arg(step));
  } else if (name == "batch_size_reduced") {
    set_status(tr("Out of memory: the micro-batch was reduced to %1.").arg(line.value("micro_batch_size").toInteger()));
  } else if (name == "finished") {
    const QString best = line.value("best_checkpoint").toString();
    if (best.startsWith("checkpoint-")) curves_->mark_best_checkpoint(best.mid(11).toDouble());
    progress_->setValue(static_cast<int>(std::min<qint64>(static_cast<qint64>(step), total_steps_)));
  } else if (name == "error") {
    set_status(tr("The run failed: %1").arg(line.value("message").toString()));
  }
}

void TrainingPanel::on_ended(const QString& outcome, const QString& message) {
  find_followed_run();
  history_->refresh();
  if (outcome == "finished") set_status(tr("The run finished."));
  else if (outcome == "stopped") set_status(tr("The run stopped at a checkpoint; Resume continues it."));
  else if (outcome == "failed") set_status(tr("The run failed: %1").arg(message));
  else set_status(tr("The trainer ended without finishing: %1").arg(message));
  curves_->replot_now();
  update_buttons();
}

void TrainingPanel::show_run(qint64 run_id) {
  if (!workspace_ || process_->is_running()) return;  // the monitor keeps showing the live run
  store::RunRepository runs(*workspace_);
  const auto run = runs.find(run_id);
  if (!run) return;
  shown_run_id_ = run_id;
  curves_->clear();
  const auto loss = runs.metric(run_id, "train", "loss");
  QMap<int64_t, double> lr, grad, tps;
  for (const auto& p : runs.metric(run_id, "train", "learning_rate")) lr[p.step] = p.value;
  for (const auto& p : runs.metric(run_id, "train", "grad_norm")) grad[p.step] = p.value;
  for (const auto& p : runs.metric(run_id, "train", "tokens_per_second")) tps[p.step] = p.value;
  const double nan = std::nan("");
  for (const auto& p : loss)
    curves_->add_train_point(p.step, p.value, lr.value(p.step, nan), grad.value(p.step, nan), tps.value(p.step, nan));
  for (const auto& p : runs.metric(run_id, "eval", "eval_loss")) curves_->add_eval_point(p.step, p.value);
  for (const auto& p : recorded_distill_points(runs, *run))
    curves_->add_distill_point(p.step, p.kl_loss, p.ce_loss, p.teacher_agreement);
  for (const auto& c : runs.checkpoints(run_id)) {
    curves_->add_checkpoint(c.step);
    if (c.is_best) curves_->mark_best_checkpoint(c.step);
  }
  const QString status = RunHistory::display_status(*run);
  run_title_->setText(tr("Run %1 (%2)").arg(QString::fromStdString(run->name), status));
  if (!loss.empty()) {
    progress_->setRange(0, static_cast<int>(std::max<int64_t>(loss.back().step, 1)));
    progress_->setValue(static_cast<int>(loss.back().step));
  }
  update_buttons();
}

void TrainingPanel::overlay_runs(const QList<qint64>& run_ids) {
  if (!workspace_) return;
  store::RunRepository runs(*workspace_);
  curves_->clear_overlays();
  for (const qint64 id : run_ids) {
    if (shown_run_id_ && *shown_run_id_ == id && run_ids.size() > 1) continue;  // already drawn solid
    const auto run = runs.find(id);
    if (!run) continue;
    QVector<double> steps, loss, eval_steps, eval_loss;
    for (const auto& p : runs.metric(id, "train", "loss")) {
      steps << p.step;
      loss << p.value;
    }
    for (const auto& p : runs.metric(id, "eval", "eval_loss")) {
      eval_steps << p.step;
      eval_loss << p.value;
    }
    curves_->add_overlay(QString::fromStdString(run->name), steps, loss, eval_steps, eval_loss);
  }
  curves_->fit();
}

void TrainingPanel::update_buttons() {
  const bool running = process_->is_running();
  stop_->setEnabled(running);
  launch_->setEnabled(!running && workspace_ && form_->can_launch());
  bool resumable = false;
  if (!running && workspace_ && shown_run_id_) {
    if (const auto run = store::RunRepository(*workspace_).find(*shown_run_id_)) {
      const QString status = RunHistory::display_status(*run);
      resumable = status == "interrupted" || status == "stopped";
    }
  }
  resume_->setEnabled(resumable);
}

void TrainingPanel::export_plot_with_dialog() {
  const QString file = QFileDialog::getSaveFileName(this, tr("Export plot"), "training-curves.png",
                                                    tr("PNG image (*.png);;PDF document (*.pdf)"));
  if (file.isEmpty()) return;
  QString error;
  if (!curves_->save_image(file, &error)) QMessageBox::warning(this, tr("Export plot"), error);
  else set_status(tr("Wrote %1").arg(file));
}

bool TrainingPanel::prepare_to_close() {
  if (!process_->is_running()) return true;
  QMessageBox box(QMessageBox::Question, tr("A run is going"),
                  tr("A training run is still going. Keep it running in the background (reopen the workspace to "
                     "follow it again), or stop it at the next checkpoint?"),
                  QMessageBox::NoButton, this);
  auto* keep = box.addButton(tr("Keep running"), QMessageBox::AcceptRole);
  auto* stop = box.addButton(tr("Stop the run"), QMessageBox::DestructiveRole);
  box.addButton(QMessageBox::Cancel);
  box.setDefaultButton(keep);
  box.exec();
  if (box.clickedButton() == keep) shut_down(true);
  else if (box.clickedButton() == stop) shut_down(false);
  else return false;
  return true;
}

void TrainingPanel::shut_down(bool keep_running) {
  if (!keep_running) process_->stop();
  process_->detach();
}

}  // namespace medlora::ui
