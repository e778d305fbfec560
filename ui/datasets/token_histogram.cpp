#include "ui/datasets/token_histogram.h"

#include <qcustomplot.h>

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include <atomic>

#include "core/store/dataset_repository.h"
#include "core/store/workspace.h"
#include "core/pipeline/dataset_token_stats.h"
#include "core/tokenizer/prompt_format.h"
#include "core/tokenizer/tokenizer.h"

namespace medlora::ui {

QString TokenHistogram::default_tokenizer_dir() {
  // The same folder ModelCatalog::default_models_dir() names (that header pulls in libtorch).
  QString models = qEnvironmentVariable("MEDLORA_MODELS_DIR");
  if (models.isEmpty() && !qEnvironmentVariable("XDG_DATA_HOME").isEmpty())
    models = qEnvironmentVariable("XDG_DATA_HOME") + "/MedLoRA/models";
  if (models.isEmpty()) models = QDir::homePath() + "/.local/share/MedLoRA/models";
  const QString dir = models + "/medlora-base";
  return QFileInfo::exists(dir + "/tokenizer.model") ? dir : QString();
}

TokenHistogram::TokenHistogram(QWidget* parent)
    : QWidget(parent),
      tokenizer_label_(new QLabel(this)),
      tokenizer_dir_(new QLineEdit(this)),
      tokenizer_field_(new PathField(PathField::Kind::Folder, tokenizer_dir_, this)),
      template_label_(new QLabel(this)),
      template_(new QComboBox(this)),
      max_length_label_(new QLabel(this)),
      max_length_(new QSpinBox(this)),
      approved_only_(new QCheckBox(this)),
      compute_(new QPushButton(this)),
      stop_(new QPushButton(this)),
      progress_(new QProgressBar(this)),
      plot_(new QCustomPlot(this)),
      message_(new QLabel(this)) {
  setObjectName("token_histogram");
  tokenizer_dir_->setObjectName("tokenizer_dir");
  tokenizer_dir_->setText(default_tokenizer_dir());
  tokenizer_label_->setBuddy(tokenizer_dir_);
  // The first entry leaves the choice to the model: its chat template when it has one.
  template_->addItem(tr("model default"), QString());
  for (const auto& name : tokenizer::PromptFormat::choices(/*model_has_chat_template=*/true))
    template_->addItem(QString::fromStdString(name), QString::fromStdString(name));
  template_label_->setBuddy(template_);
  max_length_->setRange(8, 1 << 20);
  max_length_->setValue(512);
  max_length_label_->setBuddy(max_length_);
  message_->setObjectName("token_message");
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  progress_->setVisible(false);
  progress_->setTextVisible(false);
  stop_->setEnabled(false);
  plot_->setMinimumHeight(220);

  auto* grid = new QGridLayout;
  grid->addWidget(tokenizer_label_, 0, 0);
  grid->addWidget(tokenizer_field_, 0, 1);
  grid->addWidget(template_label_, 1, 0);
  grid->addWidget(template_, 1, 1);
  grid->addWidget(max_length_label_, 2, 0);
  grid->addWidget(max_length_, 2, 1);
  grid->addWidget(approved_only_, 3, 1);
  auto* run_row = new QHBoxLayout;
  run_row->addWidget(compute_);
  run_row->addWidget(stop_);
  run_row->addWidget(progress_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(grid);
  layout->addLayout(run_row);
  layout->addWidget(plot_, 1);
  layout->addWidget(message_);

  connect(compute_, &QPushButton::clicked, this, &TokenHistogram::compute);
  connect(stop_, &QPushButton::clicked, &runner_, &BackgroundRunner::request_stop);
  connect(&runner_, &BackgroundRunner::progress, this, [this](qint64 done, qint64 total) {
    progress_->setRange(0, 1000);
    progress_->setValue(total > 0 ? static_cast<int>(1000 * done / total) : 0);
  });
  connect(&runner_, &BackgroundRunner::finished, this, [this](const QString& error, bool stopped) {
    compute_->setEnabled(true);
    stop_->setEnabled(false);
    progress_->setVisible(false);
    if (!error.isEmpty()) {
      message_->setText(tr("Token counting failed: %1").arg(error));
      Q_EMIT failed(error);
    } else if (stopped) {
      message_->setText(tr("Token counting stopped."));
    } else {
      show_stats(pending_);
      Q_EMIT computed();
    }
  });
  retranslate();
  draw();
}

TokenHistogram::~TokenHistogram() {
  runner_.request_stop();
  runner_.wait();
}

void TokenHistogram::set_source(const QString& workspace_file, int64_t dataset_id) {
  workspace_file_ = workspace_file;
  dataset_id_ = dataset_id;
}

void TokenHistogram::compute() {
  if (runner_.busy()) return;
  const QString dir = tokenizer_dir_->text().trimmed();
  if (dir.isEmpty() || !tokenizer::Tokenizer::folder_has_tokenizer(dir.toStdString())) {
    const QString why = dir.isEmpty() ? tr("No tokenizer chosen: pick a model folder that holds tokenizer.json or tokenizer.model "
                                           "(the token lengths depend on the model's tokenizer, so none is assumed).")
                                      : tr("%1 holds no tokenizer.json or tokenizer.model: pick a model folder that has one.").arg(dir);
    message_->setText(why);
    Q_EMIT failed(why);
    return;
  }
  if (workspace_file_.isEmpty() || dataset_id_ == 0) {
    message_->setText(tr("Choose a dataset first."));
    Q_EMIT failed(message_->text());
    return;
  }
  const std::string file = workspace_file_.toStdString();
  const std::string tokenizer_path = dir.toStdString();
  const std::string template_name = template_->currentData().toString().toStdString();
  const int64_t max_length = max_length_->value();
  const bool approved_only = approved_only_->isChecked();
  const int64_t dataset = dataset_id_;
  message_->setText(tr("Counting tokens..."));
  compute_->setEnabled(false);
  stop_->setEnabled(true);
  progress_->setRange(0, 0);
  progress_->setVisible(true);
  runner_.start([this, file, tokenizer_path, template_name, max_length, approved_only,
                 dataset](const BackgroundRunner::Control& control) {
    auto workspace = store::Workspace::open_for_this_thread(file);
    std::vector<data::RecordText> records;
    for (auto& record : store::DatasetRepository(*workspace).records_for_export(dataset, approved_only))
      records.push_back(std::move(record.text));
    // As training encodes a record (the one prompt path of the core).
    const auto progress = [&](int64_t done, int64_t total) {
      control.progress(done, total);
      return !control.stop_requested();
    };
    data::TokenStats stats = pipeline::dataset_token_stats(records, tokenizer_path, template_name, max_length, kBins, progress);
    if (!control.stop_requested()) pending_ = std::move(stats);
  });
}

void TokenHistogram::show_stats(const data::TokenStats& stats) {
  stats_ = stats;
  draw();
  if (stats.records == 0) {
    message_->setText(tr("No records to count."));
    return;
  }
  message_->setText(tr("%1 records: median %2 tokens, 95th percentile %3, longest %4. %5 records (%6 %) are longer "
                       "than max_length %7 and would be cut.")
                        .arg(stats.records)
                        .arg(stats.p50)
                        .arg(stats.p95)
                        .arg(stats.max)
                        .arg(stats.over_max)
                        .arg(100.0 * stats.share_over_max, 0, 'f', 1)
                        .arg(stats.max_length));
}

void TokenHistogram::draw() {
  plot_->clearPlottables();
  plot_->clearItems();
  QVector<double> keys, counts;
  double width = 1.0, top = 1.0, right = static_cast<double>(std::max<int64_t>(stats_.max_length, 1));
  if (stats_.histogram.size() >= 2) width = static_cast<double>(stats_.histogram[1].first - stats_.histogram[0].first);
  for (const auto& [start, count] : stats_.histogram) {
    keys.append(static_cast<double>(start) + width / 2);
    counts.append(static_cast<double>(count));
    top = std::max(top, static_cast<double>(count));
    right = std::max(right, static_cast<double>(start) + width);
  }
  auto* bars = new QCPBars(plot_->xAxis, plot_->yAxis);
  bars->setData(keys, counts, true);
  bars->setWidth(std::max(width * 0.9, 0.5));
  bars->setBrush(QColor(0x4a, 0x90, 0xd9));
  bars->setPen(Qt::NoPen);
  if (stats_.max_length > 0) {
    auto* cut = new QCPItemStraightLine(plot_);
    cut->setPen(QPen(Qt::red, 2, Qt::DashLine));
    cut->point1->setCoords(static_cast<double>(stats_.max_length), 0);
    cut->point2->setCoords(static_cast<double>(stats_.max_length), 1);
  }
  plot_->xAxis->setLabel(tr("tokens per record (red: max_length)"));
  plot_->yAxis->setLabel(tr("records"));
  plot_->xAxis->setRange(0, right * 1.05);
  plot_->yAxis->setRange(0, top * 1.1);
  plot_->replot();
}

void TokenHistogram::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslate();
    draw();
  }
  QWidget::changeEvent(event);
}

void TokenHistogram::retranslate() {
  tokenizer_label_->setText(tr("&Tokenizer"));
  tokenizer_dir_->setPlaceholderText(tr("A model folder (or tokenizer.model file) whose tokenizer training will use"));
  tokenizer_field_->set_dialog_title(tr("Choose a model folder with tokenizer.model"));
  template_label_->setText(tr("Prompt &template"));
  max_length_label_->setText(tr("&max_length"));
  max_length_->setToolTip(tr("The training max_length: longer records are cut"));
  approved_only_->setText(tr("Approved records only"));
  compute_->setText(tr("&Count tokens"));
  stop_->setText(tr("Stop"));
}

}  // namespace medlora::ui
