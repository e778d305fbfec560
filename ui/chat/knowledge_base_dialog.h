#pragma once
// The chat tester's knowledge base (core/store/knowledge_base.h) of one workspace: the imported
// documents (title, kind, passages, characters, when added); Import files… (.txt, .md and .pdf,
// several at once) and Import a dataset's answers…, both run off the GUI thread with a progress
// bar and Cancel (the job opens its own Workspace); Remove; and a Search box listing the top-k
// passages with their BM25 scores, i.e. what a grounded answer would cite.
#include <QDialog>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "core/store/knowledge_base.h"
#include "ui/datasets/background_runner.h"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace medlora::store {
class Workspace;
}

namespace medlora::ui {

class KnowledgeBaseDialog : public QDialog {
  Q_OBJECT

 public:
  enum DocumentColumn { TitleColumn, KindColumn, PassagesColumn, CharactersColumn, AddedColumn };
  enum PassageColumn { ScoreColumn, PassageTitleColumn, DocumentColumn, TextColumn };

  // Opens the workspace on the GUI thread; throws store::StoreError when it cannot be opened.
  explicit KnowledgeBaseDialog(const QString& workspace_file, QWidget* parent = nullptr);
  ~KnowledgeBaseDialog() override;

  // Reads each file (core/chat/document_text.h) and imports it, in the background. A file that
  // cannot be read is reported and the others are still imported; Cancel stops at the current
  // file (rolled back) and keeps the files done before. False when a job is running already.
  bool import_files(const QStringList& paths);
  // Imports the answers of a workspace dataset as one document, in the background.
  bool import_dataset(int64_t dataset_id, bool approved_only);
  // Removes a document and its passages (no confirmation; the Remove button asks first).
  bool remove_document(int64_t document_id);
  // Runs the Search box's query now and fills the passage table.
  void search();

  bool busy() const;
  void wait_for_job();  // blocks until the running job has finished and been reported (tests)
  // Documents as listed, newest first (row i of documents_table()).
  const std::vector<store::KnowledgeDocument>& documents() const { return documents_; }
  const std::vector<store::Passage>& passages() const { return passages_; }

  QTableWidget* documents_table() const { return documents_table_; }
  QTableWidget* passages_table() const { return passages_table_; }
  QLineEdit* search_edit() const { return search_; }
  QSpinBox* top_k_spin() const { return top_k_; }
  QLabel* status_label() const { return status_; }
  QProgressBar* progress_bar() const { return progress_; }

 public Q_SLOTS:
  void reject() override;  // cancels a running import first

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  QLabel* search_label_ = nullptr;
  QLabel* top_label_ = nullptr;
  // What a job did, written by its thread and read once it has finished.
  struct JobOutcome {
    int64_t documents = 0;
    int64_t passages = 0;
    QStringList failures;  // "file: why"
    bool cancelled = false;
  };
  using JobBody = std::function<void(store::Workspace&, JobOutcome&, const BackgroundRunner::Control&)>;
  void choose_files();
  void choose_dataset();
  void remove_selected();
  bool start_job(const QString& what, JobBody body);
  void job_finished(const QString& error, bool stopped);
  void reload_documents();
  void set_busy(bool busy);

  QString workspace_file_;
  std::unique_ptr<store::Workspace> workspace_;
  BackgroundRunner* runner_;
  std::shared_ptr<JobOutcome> outcome_;
  std::vector<store::KnowledgeDocument> documents_;
  std::vector<store::Passage> passages_;

  QTableWidget* documents_table_;
  QTableWidget* passages_table_;
  QLineEdit* search_;
  QSpinBox* top_k_;
  QTimer* search_timer_;
  QLabel* status_;
  QProgressBar* progress_;
  QPushButton* import_files_;
  QPushButton* import_dataset_;
  QPushButton* remove_;
  QPushButton* cancel_;
};

}  // namespace medlora::ui
