#pragma once
// The first start on a new, empty workspace: one dialog offers to set up the sample workspace
// (pipeline::set_up_sample_workspace, the same function as `medlora workspace init --sample`).
// Accepting runs it on a worker thread with its own workspace connection; declining is
// remembered. Either way the offer is not made again for that workspace file (a key in the
// workbench's QSettings, per absolute path).
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QString>

class QSettings;
class QWidget;

namespace medlora::ui {

class SampleWorkspaceOffer : public QObject {
  Q_OBJECT

 public:
  // `store` (not owned) remembers which workspaces were asked; `parent_widget` parents the dialog.
  SampleWorkspaceOffer(QSettings& store, QWidget* parent_widget);

  // Shows the (non-modal) offer when `workspace_file` is new and was never asked about, and the
  // sample data is installed. Returns whether it was shown.
  bool maybe_offer(const QString& workspace_file);
  bool was_offered(const QString& workspace_file) const;
  QMessageBox* dialog() const { return dialog_; }  // the open offer, or nullptr

 signals:
  // The sample workspace is set up in `workspace_file` (panels should reload it); `summary` says what was made.
  void set_up(const QString& workspace_file, const QString& summary);
  void failed(const QString& workspace_file, const QString& message);
  void declined(const QString& workspace_file);

 private:
  void mark_offered(const QString& workspace_file);
  void run(const QString& workspace_file);

  QSettings& store_;
  QWidget* parent_widget_;
  QPointer<QMessageBox> dialog_;
};

}  // namespace medlora::ui
