#include "ui/training/training_data_offer.h"

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QLineEdit>

#include "core/data/sample_data.h"
#include "core/pipeline/sample_workspace.h"
#include "core/store/dataset_repository.h"
#include "core/store/workspace.h"
#include "ui/training/run_form.h"

namespace medlora::ui {
namespace {

bool sample_data_installed() {
  try {
    data::sample_data_dir();
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

TrainingDataOffer::TrainingDataOffer(RunForm* form, QWidget* parent) : EmptyState(parent), form_(form) {
  setObjectName("training_data_offer");
  if (auto* dataset = qobject_cast<QComboBox*>(form_->field("dataset")))
    connect(dataset, &QComboBox::currentIndexChanged, this, &TrainingDataOffer::update_offer);
  if (auto* file = qobject_cast<QLineEdit*>(form_->field("train_file")))
    connect(file, &QLineEdit::textChanged, this, &TrainingDataOffer::update_offer);
  connect(this, &EmptyState::action_requested, this, &TrainingDataOffer::act);
  update_offer();
}

void TrainingDataOffer::set_workspace(store::Workspace* workspace) {
  workspace_ = workspace;
  update_offer();
}

bool TrainingDataOffer::form_has_data() const {
  if (form_->value("dataset").toLongLong() >= 0) return true;
  const QString file = form_->value("train_file").toString();
  return !file.isEmpty() && QFileInfo::exists(file);
}

void TrainingDataOffer::update_offer() {
  offer_ = Offer::None;
  std::optional<store::DatasetSummary> sample;
  if (workspace_ && !form_has_data()) {
    try {
      sample = store::DatasetRepository(*workspace_).find_dataset(std::string(pipeline::kSampleDatasetName));
      offer_ = sample ? Offer::UseSample : sample_data_installed() ? Offer::ImportSample : Offer::ImportData;
    } catch (const std::exception&) {
      offer_ = Offer::None;  // an unreadable workspace is reported by the panel
    }
  }
  switch (offer_) {
    case Offer::UseSample:
      set_texts(tr("This run has no training data yet. The sample dataset \"%1\" (%2 approved records) is in this "
                   "workspace; or choose another dataset or a train file below.")
                    .arg(QString::fromUtf8(pipeline::kSampleDatasetName))
                    .arg(sample->approved),
                tr("Use the sample dataset"));
      break;
    case Offer::ImportSample:
      set_texts(tr("This run has no training data yet. Import the bundled clinic QA sample as an approved dataset "
                   "and train on it; or choose a dataset or a train file below."),
                tr("Import the sample data"));
      break;
    case Offer::ImportData:
      set_texts(tr("This run has no training data yet. Import a dataset in the Datasets panel, or choose a train "
                   "file below."),
                tr("Import data..."));
      break;
    case Offer::None:
      break;
  }
  setVisible(offer_ != Offer::None);
}

void TrainingDataOffer::use_dataset(qint64 id) {
  form_->refresh_sources();
  form_->set_value("dataset", id);
  form_->validate();
  update_offer();
}

void TrainingDataOffer::act() {
  if (!workspace_) return;
  if (offer_ == Offer::ImportData) {
    emit import_data_requested();
    return;
  }
  try {
    if (offer_ == Offer::UseSample) {
      if (const auto sample = store::DatasetRepository(*workspace_).find_dataset(std::string(pipeline::kSampleDatasetName)))
        use_dataset(sample->id);
    } else if (offer_ == Offer::ImportSample) {
      const auto report = pipeline::import_sample_dataset(*workspace_);
      use_dataset(report.dataset_id);
      emit sample_imported();
    }
  } catch (const std::exception& e) {
    emit failed(tr("The sample data could not be imported: %1").arg(QString::fromUtf8(e.what())));
  }
}

void TrainingDataOffer::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) update_offer();
  EmptyState::changeEvent(event);
}

}  // namespace medlora::ui
