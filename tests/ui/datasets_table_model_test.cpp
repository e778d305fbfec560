// DatasetTableModel: 100,000 records scroll without reading more than the pages on screen,
// the LRU cache keeps recent pages and drops old ones, filters go to the workspace, and
// reload() keeps the selection when the row count stays.
#include <QElapsedTimer>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "core/store/dataset_repository.h"
#include "core/store/workspace.h"
#include "ui/datasets/dataset_table_model.h"
#include "ui/datasets/datasets_panel.h"
#include "ui/datasets/record_editor.h"

using namespace medlora;
using ui::DatasetTableModel;

class DatasetTableModelTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    workspace_ = std::make_unique<store::Workspace>(tmp_.filePath("big.medlora").toStdString());
    repository_ = std::make_unique<store::DatasetRepository>(*workspace_);
    dataset_ = repository_->create_dataset("big", "test");
    std::vector<data::RecordText> records(kRecords);
    for (int i = 0; i < kRecords; ++i) {
      records[i].instruction = "Answer the question.";
      records[i].input = "Question number " + std::to_string(i) + (i % 10 == 0 ? " about 儿童 fever" : "");
      records[i].output = std::string(static_cast<size_t>(20 + i % 50), 'a');
      records[i].category = i % 3 == 0 ? "内科" : "外科";
    }
    QElapsedTimer timer;
    timer.start();
    const auto inserted = repository_->insert_records(dataset_, records);
    QCOMPARE(static_cast<int>(inserted.ids.size()), kRecords);
    first_id_ = inserted.ids.front();
    qInfo("inserted %d records in %lld ms", kRecords, timer.elapsed());
  }

  void counts_rows_without_reading_pages() {
    DatasetTableModel model;
    model.set_source(repository_.get(), dataset_);
    QCOMPARE(model.rowCount(), kRecords);
    QCOMPARE(model.columnCount(), int{DatasetTableModel::ColumnCount});
    QCOMPARE(model.page_fetches(), int64_t{0});
    QCOMPARE(model.headerData(DatasetTableModel::StatusColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
             QString("Status"));
  }

  void jumping_to_the_end_reads_only_the_last_pages() {
    DatasetTableModel model;
    model.set_source(repository_.get(), dataset_);
    QTableView view;
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(20);
    view.setModel(&model);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const int64_t after_first_paint = model.page_fetches();
    QVERIFY2(after_first_paint <= 1, qPrintable(QString::number(after_first_paint)));

    QElapsedTimer timer;
    timer.start();
    view.scrollToBottom();
    QCoreApplication::processEvents();
    view.repaint();
    for (int row = kRecords - 40; row < kRecords; ++row) {
      const QModelIndex index = model.index(row, DatasetTableModel::InputColumn);
      QCOMPARE(index.data().toString().left(16), QString("Question number "));
      QCOMPARE(model.index(row, DatasetTableModel::IdColumn).data().toLongLong(), first_id_ + row);
    }
    const qint64 elapsed = timer.elapsed();
    qInfo("scrolled to the end and read 40 rows in %lld ms with %lld page fetches", elapsed,
          static_cast<long long>(model.page_fetches()));
    // The last rows span at most two pages; the first screen one more.
    QVERIFY2(model.page_fetches() <= after_first_paint + 2, qPrintable(QString::number(model.page_fetches())));
    QVERIFY2(elapsed < 1500, qPrintable(QString::number(elapsed)));

    // Scrolling through the middle with the scroll bar touches only the pages shown.
    const int64_t before = model.page_fetches();
    for (int step = 0; step < 20; ++step) {
      view.verticalScrollBar()->setValue(step * (kRecords / 20));
      view.repaint();
    }
    QVERIFY2(model.page_fetches() - before <= 40, qPrintable(QString::number(model.page_fetches() - before)));
  }

  void shows_status_length_and_category() {
    DatasetTableModel model;
    model.set_source(repository_.get(), dataset_);
    QCOMPARE(model.index(0, DatasetTableModel::StatusColumn).data().toString(), QString("Pending"));
    QCOMPARE(model.index(0, DatasetTableModel::CategoryColumn).data().toString(), QString("内科"));
    // "Answer the question." (20) + "Question number 0 about 儿童 fever" (32) + 20 × 'a', in characters.
    QCOMPARE(model.index(0, DatasetTableModel::LengthColumn).data().toLongLong(), qint64{20 + 32 + 20});
    QCOMPARE(model.index(5, DatasetTableModel::IdColumn).data(DatasetTableModel::RecordIdRole).toLongLong(),
             first_id_ + 5);
    QCOMPARE(model.record_at(7)->text.input, std::string("Question number 7"));
    QVERIFY(model.record_at(kRecords) == nullptr);
    QCOMPARE(model.record_id(-1), int64_t{0});
  }

  void keeps_recent_pages_and_evicts_the_oldest() {
    DatasetTableModel model;
    model.set_source(repository_.get(), dataset_);
    const int page = DatasetTableModel::kPageSize;
    for (int p = 0; p < DatasetTableModel::kCachedPages; ++p) model.record_id(p * page);
    QCOMPARE(model.page_fetches(), int64_t{DatasetTableModel::kCachedPages});
    model.record_id(0);  // page 0 becomes the most recent
    QCOMPARE(model.page_fetches(), int64_t{DatasetTableModel::kCachedPages});
    model.record_id(DatasetTableModel::kCachedPages * page);  // one more page: evicts page 1
    QCOMPARE(model.page_fetches(), int64_t{DatasetTableModel::kCachedPages + 1});
    model.record_id(0);
    QCOMPARE(model.page_fetches(), int64_t{DatasetTableModel::kCachedPages + 1});
    model.record_id(page);
    QCOMPARE(model.page_fetches(), int64_t{DatasetTableModel::kCachedPages + 2});
  }

  void filters_in_the_workspace() {
    DatasetTableModel model;
    model.set_source(repository_.get(), dataset_);
    store::RecordFilter filter;
    filter.category = "内科";
    model.set_filter(filter);
    QCOMPARE(model.rowCount(), (kRecords + 2) / 3);
    filter = {};
    filter.search = "儿童";
    model.set_filter(filter);
    QCOMPARE(model.rowCount(), kRecords / 10);
    QCOMPARE(model.record_at(1)->text.input, std::string("Question number 10 about 儿童 fever"));
    QCOMPARE(model.row_of(first_id_ + 20), 2);
    QCOMPARE(model.row_of(first_id_ + 21), -1);
    const auto ids = model.ids_of_rows({3, 1, 3});
    QCOMPARE(ids, (std::vector<int64_t>{first_id_ + 10, first_id_ + 30}));
  }

  void reload_keeps_the_selection_when_rows_stay() {
    DatasetTableModel model;
    model.set_source(repository_.get(), dataset_);
    store::RecordFilter filter;
    filter.search = "number 54321";  // no longer number contains it
    model.set_filter(filter);
    QCOMPARE(model.rowCount(), 1);
    QItemSelectionModel selection(&model);
    selection.select(model.index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const int64_t id = model.record_id(0);
    repository_->set_status({id}, data::ReviewStatus::Approved, "dr. lee", "fine");
    QCOMPARE(model.index(0, DatasetTableModel::StatusColumn).data().toString(), QString("Pending"));  // cached
    model.reload();
    QCOMPARE(reset.count(), 0);
    QVERIFY(selection.isRowSelected(0));
    QCOMPARE(model.index(0, DatasetTableModel::StatusColumn).data().toString(), QString("Approved"));
    QCOMPARE(model.index(0, DatasetTableModel::ReviewerColumn).data().toString(), QString("dr. lee"));
    // A filter the record leaves: the row count changes, so the model resets.
    filter.status = data::ReviewStatus::Pending;
    model.set_filter(filter);
    QCOMPARE(model.rowCount(), 0);
    repository_->set_status({id}, data::ReviewStatus::Pending, "dr. lee");
    model.reload();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(reset.count(), 2);  // set_filter and reload
  }

  void the_panel_stays_quick_with_100000_records() {
    QElapsedTimer timer;
    timer.start();
    ui::DatasetsPanel panel(tmp_.filePath("big.medlora"));
    panel.set_reviewer("dr. big");
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    QCOMPARE(panel.table_model()->rowCount(), kRecords);
    const qint64 opened = timer.restart();

    // Jump to the end, review the second-to-last record with the keyboard: the last one opens.
    panel.table_view()->setFocus();
    panel.table_view()->scrollToBottom();
    QVERIFY(panel.select_row(kRecords - 2));
    QTest::keyClick(panel.table_view(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(repository_->get_record(first_id_ + kRecords - 2)->status, data::ReviewStatus::Approved);
    QCOMPARE(panel.current_record_id(), first_id_ + kRecords - 1);
    QCOMPARE(panel.table_view()->currentIndex().row(), kRecords - 1);
    const qint64 reviewed = timer.restart();

    // Select everything: ids come from one query.
    panel.table_view()->selectAll();
    QCOMPARE(panel.selected_record_ids().size(), size_t{kRecords});
    const qint64 selected = timer.elapsed();
    qInfo("100,000 records: panel open %lld ms, jump + approve %lld ms, select all %lld ms, %lld page fetches", opened,
          reviewed, selected, static_cast<long long>(panel.table_model()->page_fetches()));
    QVERIFY2(opened < 3000 && reviewed < 2000 && selected < 2000, "the panel is too slow with 100,000 records");
    QVERIFY2(panel.table_model()->page_fetches() <= 8, qPrintable(QString::number(panel.table_model()->page_fetches())));
    repository_->set_status({first_id_ + kRecords - 2}, data::ReviewStatus::Pending, "dr. big");
  }

  void excerpts_are_one_short_line() {
    QCOMPARE(ui::text_excerpt("a\nb\tc", 10), QString("a b c"));
    QCOMPARE(ui::text_excerpt("abcdefghijkl", 5), QString("abcd") + QChar(0x2026));
  }

 private:
  static constexpr int kRecords = 100000;
  QTemporaryDir tmp_;
  std::unique_ptr<store::Workspace> workspace_;
  std::unique_ptr<store::DatasetRepository> repository_;
  int64_t dataset_ = 0;
  int64_t first_id_ = 0;
};

QTEST_MAIN(DatasetTableModelTest)
#include "datasets_table_model_test.moc"
