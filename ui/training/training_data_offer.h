#pragma once
// The New run form's empty state. While the run has no training data (no workspace dataset is
// chosen and the train file does not exist), it says so and offers the next step: "use the
// sample dataset" when the workspace has it; "import the sample data" when it has not
// (pipeline::import_sample_dataset, then the form uses it); without the sample data installed,
// "import data" (the Datasets panel's import, which the main window connects).
#include <QString>

#include "ui/shell/empty_state.h"

namespace medlora::store {
class Workspace;
}

namespace medlora::ui {

class RunForm;

class TrainingDataOffer : public EmptyState {
  Q_OBJECT

 public:
  enum class Offer { None, UseSample, ImportSample, ImportData };

  // Follows `form`'s dataset and train file fields (not owned).
  TrainingDataOffer(RunForm* form, QWidget* parent = nullptr);

  void set_workspace(store::Workspace* workspace);
  // Re-reads the form and the workspace: the offer, its texts, and whether it shows.
  void update_offer();
  Offer offer() const { return offer_; }

 signals:
  // The sample dataset was imported into the workspace (other panels reload their datasets).
  void sample_imported();
  // No sample data is installed: the user asked to import data in the Datasets panel.
  void import_data_requested();
  // Importing the sample data failed; `message` says why.
  void failed(const QString& message);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void act();
  bool form_has_data() const;
  void use_dataset(qint64 id);

  RunForm* form_;
  store::Workspace* workspace_ = nullptr;
  Offer offer_ = Offer::None;
};

}  // namespace medlora::ui
