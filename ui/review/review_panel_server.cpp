// ReviewPanel: a doctor's studies on a review server (the workspace side is review_panel.cpp).
#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>

#include <memory>

#include "core/review_server/outbox.h"
#include "core/review_server/server_connection.h"
#include "core/review_server/server_review_queue.h"
#include "ui/shell/off_thread_job.h"
#include "ui/review/review_panel.h"
#include "ui/review/scoring_screen.h"
#include "ui/review/server_queue_watch.h"

namespace medlora::ui {

ServerConnectDialog* ReviewPanel::server_dialog() const { return server_dialog_; }

void ReviewPanel::retranslate_server() {
  connect_server_->setText(tr("Connect to a &review server…"));
  connect_server_->setToolTip(tr("Score the studies the lead published on a review server (Ctrl+Shift+L)."));
  connect_server_action_->setText(tr("Connect to a review server…"));
}

void ReviewPanel::connect_to_server() {
  if (server_dialog_) return;
  server_dialog_ = new ServerConnectDialog(ServerPurpose::Reviewer, this);
  server_dialog_->setAttribute(Qt::WA_DeleteOnClose);
  connect(server_dialog_, &QDialog::accepted, this, [this] {
    if (server_dialog_ && server_dialog_->login()) adopt_server(*server_dialog_->login());
  });
  server_dialog_->open();
}

void ReviewPanel::adopt_server(const ServerLogin& login) {
  const ServerLogin kept = login;  // close_views() may delete the dialog that holds `login`
  close_views();
  account_.reset();
  server_ = kept;
  update_header();
  show_problem({});
  fill_studies(kept.studies);
  pages_->setCurrentIndex(static_cast<int>(Page::Studies));
  studies_->setFocus();
  emit status_message(tr("Connected to %1.").arg(QString::fromStdString(kept.address.label())));
}

void ReviewPanel::refresh_server_studies() {
  // Off the GUI thread, with a connection of its own; the list keeps its rows meanwhile.
  const ServerLogin login = *server_;
  run_off_gui_thread<ServerLogin>(
      this, [login] { return sign_in_to_server(login.address, login.password, ServerPurpose::Reviewer); },
      [this](const ServerLogin& fresh) {
        if (!server_ || page() != Page::Studies) return;
        server_->studies = fresh.studies;
        fill_studies(fresh.studies);
      },
      [this](const QString& message) { show_problem(tr("Your studies cannot be listed: %1").arg(message)); });
}

ScoringScreen* ReviewPanel::server_screen(const QString& study_name) {
  // The scoring calls run on this thread: Qt SQL connections cannot move between threads.
  auto connection = std::make_shared<review_server::ServerConnection>(server_->address, server_->password);
  const std::string study = study_name.toStdString();
  auto queue = std::make_unique<review_server::ServerReviewQueue>(
      *connection, study, review_server::Outbox(review_server::Outbox::default_path(connection->address().label(), study)));
  review_server::ServerReviewQueue& watched = *queue;
  auto* screen = new ScoringScreen(ScoringScreen::OwnedQueue{connection, std::move(queue)}, scoring_page_);
  auto* watch = new ServerQueueWatch(watched, connection->address(), screen);
  connect(watch, &ServerQueueWatch::state_changed, screen, &ScoringScreen::set_connection_state);
  connect(watch, &ServerQueueWatch::refused, this, [this](const QString& message) { show_problem(message); });
  return screen;
}

}  // namespace medlora::ui
