// LeadServerDialog, part 2: what its actions do. Each runs on a thread of its own with its own
// ServerConnection (and its own Workspace when it touches the workspace): Qt SQL connections
// belong to the thread that opened them, and the GUI thread never waits for the network.
#include <QLabel>
#include <QPushButton>
#include <QStringList>

#include "core/review_server/server_connection.h"
#include "core/review_server/server_schema.h"
#include "core/review_server/study_publisher.h"
#include "core/review_server/study_pull.h"
#include "core/store/workspace.h"
#include "ui/review/lead_server_dialog.h"
#include "ui/shell/off_thread_job.h"

namespace medlora::ui {
namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

}  // namespace

template <class Result>
void LeadServerDialog::run_action(std::function<Result()> job, std::function<Text(const Result&)> done,
                                  std::function<Text(const QString& error)> failure) {
  busy_ = true;
  update_buttons();
  run_off_gui_thread<Result>(
      this, std::move(job),
      [this, done = std::move(done)](const Result& result) {
        busy_ = false;
        show_message(done(result), false);
        update_buttons();
        refresh_progress();
        emit action_finished();
      },
      [this, failure = std::move(failure)](const QString& error) {
        busy_ = false;
        show_message(failure(error), true);
        update_buttons();
        emit action_finished();
      });
}

bool LeadServerDialog::set_up_server() {
  if (!login_ || busy_) return false;
  const ServerLogin login = *login_;
  show_message([] { return tr("Setting up the server…"); }, false);
  run_action<review_server::ServerInfo>(
      [login] {
        review_server::ServerConnection lead(login.address, login.password);
        return review_server::init_server(lead);
      },
      [this](const review_server::ServerInfo& info) -> Text {
        const QString group = qs(info.reviewer_group);
        const int version = info.schema_version;
        emit status_message(tr("Review server set up."));
        return [group, version] {
          return tr("The server is set up (schema version %1; reviewers sign in as members of %2). Add the "
                    "reviewers next.")
              .arg(version)
              .arg(group);
        };
      },
      [](const QString& error) -> Text { return [error] { return tr("The server was not set up: %1").arg(error); }; });
  return true;
}

bool LeadServerDialog::publish_study() {
  const auto study = picked_study();
  if (!login_ || busy_ || !study) return false;
  const ServerLogin login = *login_;
  const std::string file = workspace_file_.toStdString();
  const store::ReviewerAccount lead = lead_;
  const int64_t study_id = study->id;
  const QString name = qs(study->name);
  show_message([name] { return tr("Publishing \"%1\"…").arg(name); }, false);
  run_action<review_server::PublishResult>(
      [login, file, lead, study_id] {
        auto workspace = store::Workspace::open_for_this_thread(file);
        review_server::ServerConnection server(login.address, login.password);
        return review_server::publish_study(*workspace, lead, study_id, server);
      },
      [this, name](const review_server::PublishResult& published) -> Text {
        QStringList reviewers;
        for (const auto& reviewer : published.reviewers) reviewers << qs(reviewer);
        const QString who = reviewers.join(QStringLiteral(", "));
        emit status_message(tr("\"%1\" published.").arg(name));
        return [name, published, who] {
          return tr("\"%1\" is published: %2 questions, %3 answers, %4 assignments for %5.")
              .arg(name)
              .arg(published.questions)
              .arg(published.answers)
              .arg(published.assignments)
              .arg(who);
        };
      },
      [name](const QString& error) -> Text {
        return [name, error] { return tr("\"%1\" was not published: %2").arg(name, error); };
      });
  return true;
}

bool LeadServerDialog::close_study() {
  const auto study = picked_study();
  if (!login_ || busy_ || !study) return false;
  const QString name = qs(study->name);
  if (!confirm_(tr("Close on the server"),
                tr("Close \"%1\" on the review server? Reviewers can then no longer score it there. Pull the scores "
                   "afterwards and close the study in the workspace to see the analysis.")
                    .arg(name)))
    return false;
  const ServerLogin login = *login_;
  const std::string study_name = study->name;
  show_message([name] { return tr("Closing \"%1\" on the server…").arg(name); }, false);
  run_action<int>(
      [login, study_name] {
        review_server::ServerConnection lead(login.address, login.password);
        review_server::close_server_study(lead, study_name);
        return 0;
      },
      [this, name](const int&) -> Text {
        emit status_message(tr("\"%1\" closed on the server.").arg(name));
        return [name] { return tr("\"%1\" is closed on the server. Pull its scores now.").arg(name); };
      },
      [name](const QString& error) -> Text {
        return [name, error] { return tr("\"%1\" was not closed: %2").arg(name, error); };
      });
  return true;
}

bool LeadServerDialog::pull_scores() {
  const auto study = picked_study();
  if (!login_ || busy_ || !study) return false;
  const ServerLogin login = *login_;
  const std::string file = workspace_file_.toStdString();
  const store::ReviewerAccount lead = lead_;
  const int64_t study_id = study->id;
  const QString name = qs(study->name);
  show_message([name] { return tr("Pulling the scores of \"%1\"…").arg(name); }, false);
  run_action<review_server::PullResult>(
      [login, file, lead, study_id] {
        auto workspace = store::Workspace::open_for_this_thread(file);
        review_server::ServerConnection server(login.address, login.password);
        return review_server::pull_study(*workspace, lead, study_id, server);
      },
      [this, name, study_id](const review_server::PullResult& pulled) -> Text {
        reload_studies();
        emit scores_pulled(study_id);
        if (pulled.scores == 0 && pulled.audit_entries == 0 && pulled.status_changes == 0) {
          emit status_message(tr("Pulled \"%1\": nothing new.").arg(name));
          return [name] { return tr("Pulled \"%1\": nothing new on the server.").arg(name); };
        }
        emit status_message(tr("Pulled \"%1\".").arg(name));
        return [name, pulled] {
          return tr("Pulled \"%1\": %2 new scores and %3 revisions, %4 skips, %5 assignments changed state, %6 "
                    "audit entries.")
              .arg(name)
              .arg(pulled.scores - pulled.revisions)
              .arg(pulled.revisions)
              .arg(pulled.skips)
              .arg(pulled.status_changes)
              .arg(pulled.audit_entries);
        };
      },
      [name](const QString& error) -> Text {
        return [name, error] { return tr("The scores of \"%1\" were not pulled: %2").arg(name, error); };
      });
  return true;
}

bool LeadServerDialog::refresh_progress() {
  const auto study = picked_study();
  if (!login_ || !study) return false;
  if (reading_progress_) {  // read again once this one is back: it may predate a change
    read_progress_again_ = true;
    return false;
  }
  reading_progress_ = true;
  const ServerLogin login = *login_;
  const std::string study_name = study->name;
  const int64_t study_id = study->id;
  const auto still_picked = [this, study_id] {
    const auto now = picked_study();
    return login_ && now && now->id == study_id;
  };
  const auto read_done = [this] {
    reading_progress_ = false;
    emit progress_read();
    if (read_progress_again_) {
      read_progress_again_ = false;
      refresh_progress();
    }
  };
  run_off_gui_thread<review_server::ServerStudyProgress>(
      this,
      [login, study_name] {
        review_server::ServerConnection lead(login.address, login.password);
        return review_server::server_progress(lead, study_name);
      },
      [this, still_picked, read_done](const review_server::ServerStudyProgress& progress) {
        if (still_picked()) show_progress(progress);
        read_done();
      },
      [this, still_picked, read_done](const QString& error) {
        if (still_picked()) {
          shown_progress_.reset();
          clear_progress([error] { return tr("No progress to show: %1").arg(error); });
          update_buttons();
        }
        read_done();
      });
  return true;
}

}  // namespace medlora::ui
