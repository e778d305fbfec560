// The Serve panel under offscreen Qt with a tiny model: the form's checks and host warning,
// keys created and revoked through the panel (the same store calls as `medlora serve key`),
// then a real server started from the panel on port 0: GET /health and an authorised
// POST /v1/completions with QNetworkAccessManager, the requests plot and totals moving, the
// GUI thread staying responsive while the model loads, and Stop closing the port.
#include "tests/ui/tiny_model_fixture.h"  // first: torch before Qt

#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QCheckBox>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>
#include <QtTest>

#include <qcustomplot.h>

#include "core/chat/safety_filter.h"
#include "core/serve/answer_outcome.h"
#include "core/store/serve_keys.h"
#include "core/store/serve_request_log.h"
#include "core/store/workspace.h"
#include "tests/ui/cpu_settings_fixture.h"
#include "ui/serve/serve_form.h"
#include "ui/serve/serve_key_dialogs.h"
#include "ui/serve/serve_keys_view.h"
#include "ui/serve/serve_panel.h"
#include "ui/serve/serve_plots.h"
#include "ui/serve/serve_rates.h"
#include "ui/shell/path_field.h"

using namespace medlora;
namespace fs = std::filesystem;

namespace {

struct Reply {
  QNetworkReply::NetworkError error = QNetworkReply::NoError;
  int status = 0;
  QByteArray body;
};

// One request, waited for with a local event loop (the GUI thread keeps running meanwhile).
Reply send(QNetworkAccessManager& network, const QString& method, const QString& url, const QByteArray& body = {},
           const QString& key = {}) {
  QNetworkRequest request{QUrl(url)};
  request.setTransferTimeout(60000);
  if (!key.isEmpty()) request.setRawHeader("Authorization", ("Bearer " + key).toUtf8());
  request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
  QNetworkReply* reply = method == "GET" ? network.get(request) : network.post(request, body);
  QEventLoop loop;
  QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
  loop.exec();
  Reply out{reply->error(), reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
  reply->deleteLater();
  return out;
}

// Marks every text of the Serve panel's classes, so a test sees which texts follow a language
// switch without depending on the shipped translations.
class MarkingTranslator : public QTranslator {
 public:
  bool isEmpty() const override { return false; }
  QString translate(const char* context, const char* source, const char*, int) const override {
    if (!QByteArray(context).startsWith("medlora::ui::Serve") && !QByteArray(context).contains("KeyDialog")) return {};
    return "#" + QString::fromUtf8(source);
  }
};

double graph_max(const QCPGraph* graph) {
  double best = 0;
  for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
    if (!std::isnan(it->value)) best = std::max(best, it->value);
  return best;
}

}  // namespace

class ServePanelTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    root_ = fs::path(tmp_.path().toStdString());
    model_dir_ = root_ / "models" / "tiny-serve";
    fs::create_directories(model_dir_.parent_path());
    testing::write_tiny_model(model_dir_, true);
    workspace_file_ = tmp_.filePath("w.mlw");
  }

  void rates_are_differences_per_second() {
    ui::ServeRateSampler sampler;
    serve::ServeMetrics::Totals totals;
    totals.requests = 4;
    totals.completion_tokens = 100;
    totals.latency_sum = 2.0;
    totals.latency_count = 4;
    auto first = sampler.sample(totals, {}, 1.0);
    QCOMPARE(first.requests_per_second, 0.0);  // no earlier reading
    QVERIFY(!first.mean_latency_seconds);
    totals.requests = 10;
    totals.completion_tokens = 160;
    totals.latency_sum = 5.0;
    totals.latency_count = 6;
    serve::ServeGauges gauges;
    gauges.queue_length = 3;
    auto second = sampler.sample(totals, gauges, 2.0);
    QCOMPARE(second.requests_per_second, 3.0);
    QCOMPARE(second.tokens_per_second, 30.0);
    QVERIFY(second.mean_latency_seconds);
    QCOMPARE(*second.mean_latency_seconds, 1.5);  // (5 - 2) / (6 - 4)
    QCOMPARE(second.queue_length, 3.0);
    QVERIFY(!sampler.sample(totals, gauges, 1.0).mean_latency_seconds);  // nothing finished
  }

  void form_checks_and_warns_about_other_hosts() {
    ui::ServeForm form;
    form.show();
    QCOMPARE(form.host_edit()->text(), QString("127.0.0.1"));
    QCOMPARE(form.port_box()->value(), 8080);
    QVERIFY(!form.host_warning()->isVisible());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, form.settings());  // no model folder
    form.model_field()->set_path(testing::qpath(model_dir_));
    form.adapters_edit()->setPlainText("medical=/a/b\n\n/c/general\nbroken=");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, form.settings());
    form.adapters_edit()->setPlainText("medical=/a/b\n\n/c/general\n");
    const auto settings = form.settings();
    QCOMPARE(settings.adapters.size(), size_t(2));
    QCOMPARE(settings.adapters[0].name, std::string("medical"));
    QCOMPARE(settings.adapters[0].dir.string(), std::string("/a/b"));
    QCOMPARE(settings.adapters[1].name, std::string(""));
    QCOMPARE(settings.adapters[1].dir.string(), std::string("/c/general"));
    form.host_edit()->setText("0.0.0.0");
    QVERIFY(form.host_warning()->isVisible());
    form.host_edit()->setText("localhost");
    QVERIFY(!form.host_warning()->isVisible());
  }

  void form_adds_adapters_by_folder_and_sets_routing_safety_cache_and_log() {
    ui::ServeForm form;
    form.show();
    form.model_field()->set_path(testing::qpath(model_dir_));
    // Defaults are medlora serve's: no routing, the model's template, flag, 256 answers, no log.
    auto settings = form.settings();
    QCOMPARE(settings.route, std::string());
    QCOMPARE(settings.chat_template, std::string());
    QVERIFY(settings.safety_action == serve::SafetyAction::Flag);
    QCOMPARE(settings.cache_entries, size_t(256));
    QVERIFY(!settings.request_log);

    // The folder picker adds "NAME=DIR" lines under the typed ones.
    ui::PathField::set_picker_for_tests([](ui::PathField::Kind kind, const QString&, const QString&, const QString&) {
      return kind == ui::PathField::Kind::Folder ? QString("/adapters/chronic") : QString();
    });
    form.adapters_edit()->setPlainText("common=/adapters/common");
    form.add_adapter_field()->browse_button()->click();
    ui::PathField::set_picker_for_tests({});
    QCOMPARE(form.adapters_edit()->toPlainText(), QString("common=/adapters/common\nchronic=/adapters/chronic"));
    QVERIFY(form.add_adapter_field()->path().isEmpty());
    settings = form.settings();
    QCOMPARE(settings.adapters.size(), size_t(2));
    QCOMPARE(settings.adapters[1].name, std::string("chronic"));

    QVERIFY(!form.route_file_field()->isVisible());
    form.route_box()->setCurrentIndex(ui::ServeForm::RouteFile);
    QVERIFY(form.route_file_field()->isVisible());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, form.settings());  // no rules file chosen
    form.route_file_field()->set_path("/rules/clinic.json");
    QCOMPARE(form.settings().route, std::string("/rules/clinic.json"));
    form.route_box()->setCurrentIndex(ui::ServeForm::RouteDefaults);
    QVERIFY(!form.route_file_field()->isVisible());
    QCOMPARE(form.settings().route, std::string("defaults"));

    form.template_box()->setCurrentIndex(form.template_box()->findData("chatml"));
    form.safety_box()->setCurrentIndex(form.safety_box()->findData("refuse"));
    form.cache_box()->setValue(0);
    form.request_log_box()->setChecked(true);
    settings = form.settings();
    QCOMPARE(settings.chat_template, std::string("chatml"));
    QVERIFY(settings.safety_action == serve::SafetyAction::Refuse);
    QCOMPARE(settings.cache_entries, size_t(0));
    QVERIFY(settings.request_log);
  }

  void routing_rules_naming_missing_adapters_are_an_error_on_screen() {
    ui::ServePanel panel(workspace_file_);
    panel.configure(testing::cpu_settings(root_ / "models"));
    panel.show();
    panel.form()->model_field()->set_path(testing::qpath(model_dir_));
    panel.form()->port_box()->setValue(0);
    panel.form()->route_box()->setCurrentIndex(ui::ServeForm::RouteDefaults);  // names common, chronic, ...
    panel.start_button()->click();
    QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ui::ServePanel::State::Stopped, 60000);
    QVERIFY(panel.error_label()->isVisible());
    QVERIFY2(panel.error_label()->text().contains("not loaded"), qPrintable(panel.error_label()->text()));
  }

  void keys_are_created_once_listed_and_revoked() {
    ui::ServePanel panel(workspace_file_);
    panel.show();
    auto* keys = panel.keys();
    // Through the dialog, as a user does it.
    keys->create_button()->click();
    QTRY_VERIFY(keys->create_dialog() && keys->create_dialog()->isVisible());
    keys->create_dialog()->name_edit()->setText("clinic-app");
    keys->create_dialog()->rpm_box()->setValue(30);
    keys->create_dialog()->buttons()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY(keys->new_key_dialog() && keys->new_key_dialog()->isVisible());
    const QString secret = keys->new_key_dialog()->key();
    QVERIFY(secret.startsWith("mlk-"));
    keys->new_key_dialog()->copy_button()->click();
    QCOMPARE(QApplication::clipboard()->text(), secret);
    QCOMPARE(keys->table()->rowCount(), 1);
    QCOMPARE(keys->table()->item(0, 0)->text(), QString("clinic-app"));
    QCOMPARE(keys->table()->item(0, 2)->text(), QString("30"));
    QVERIFY(!keys->table()->item(0, 1)->text().contains(secret));  // only the prefix is listed
    {  // the CLI's repository sees the same key
      store::Workspace workspace(workspace_file_.toStdString());
      QVERIFY(store::ServeKeyRepository(workspace).find_active(secret.toStdString()).has_value());
    }
    QVERIFY(!keys->create_key("clinic-app", 0, 0));  // a taken name
    QVERIFY(keys->error_label()->text().contains("clinic-app"));
    keys->table()->selectRow(0);
    QVERIFY(keys->revoke_selected());
    QVERIFY(!keys->table()->item(0, 5)->text().isEmpty());
    store::Workspace workspace(workspace_file_.toStdString());
    QVERIFY(!store::ServeKeyRepository(workspace).find_active(secret.toStdString()).has_value());
  }

  void texts_follow_a_language_switch() {
    ui::ServePanel panel(workspace_file_);
    panel.show();
    QVERIFY(panel.keys()->create_key("retranslated", 5, 0));
    const int keys = panel.keys()->table()->rowCount();  // the earlier test's key is there too
    QVERIFY(keys >= 1);
    QCOMPARE(panel.start_button()->text(), QString("Start"));
    QCOMPARE(panel.keys()->table()->horizontalHeaderItem(0)->text(), QString("Name"));
    QCOMPARE(panel.plots()->plots()[0]->yAxis->label(), QString("Requests per second"));
    QVERIFY(panel.totals_label()->text().startsWith("Requests: 0"));
    MarkingTranslator marking;
    QCoreApplication::installTranslator(&marking);
    QTRY_COMPARE(panel.start_button()->text(), QString("#Start"));
    QCOMPARE(panel.panel_title(), QString("#Serve"));
    QCOMPARE(panel.stop_button()->text(), QString("#Stop"));
    QCOMPARE(panel.keys()->create_button()->text(), QString::fromUtf8("#Create key…"));
    QCOMPARE(panel.keys()->table()->horizontalHeaderItem(0)->text(), QString("#Name"));
    QCOMPARE(panel.keys()->table()->item(keys - 1, 3)->text(), QString("#unlimited"));  // "retranslated"'s tpm
    QCOMPARE(panel.keys()->table()->rowCount(), keys);
    QCOMPARE(panel.plots()->plots()[0]->yAxis->label(), QString("#Requests per second"));
    QCOMPARE(panel.form()->port_box()->specialValueText(), QString("#any free port"));
    QVERIFY(panel.totals_label()->text().startsWith("#Requests"));
    QCOMPARE(panel.keys()->new_key_dialog()->copy_button()->text(), QString("#Copy"));
    QCoreApplication::removeTranslator(&marking);
    QTRY_COMPARE(panel.start_button()->text(), QString("Start"));
    QCOMPARE(panel.plots()->plots()[0]->yAxis->label(), QString("Requests per second"));
  }

  void a_bad_model_folder_is_an_error_on_screen() {
    ui::ServePanel panel(workspace_file_);
    panel.configure(testing::cpu_settings(root_ / "models"));
    panel.show();
    panel.form()->model_field()->set_path(tmp_.filePath("no-such-model"));
    panel.form()->port_box()->setValue(0);
    panel.start_button()->click();
    QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ui::ServePanel::State::Stopped, 30000);
    QVERIFY(panel.error_label()->isVisible());
    QVERIFY(panel.error_label()->text().contains("no-such-model"));
    QVERIFY(panel.url().isEmpty());
  }

  void serves_real_requests_plots_them_and_stops() {
    ui::ServePanel panel(workspace_file_);
    panel.configure(testing::cpu_settings(root_ / "models"));
    panel.show();
    const auto key = panel.keys()->create_key("plots", 0, 0);
    QVERIFY(key);
    panel.form()->model_field()->set_path(testing::qpath(model_dir_));
    panel.form()->port_box()->setValue(0);  // any free port
    panel.form()->safety_box()->setCurrentIndex(panel.form()->safety_box()->findData("disclaimer"));
    panel.form()->request_log_box()->setChecked(true);

    // The GUI thread keeps running while the model loads: a 20 ms timer keeps firing.
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start(20);
    QElapsedTimer loading;
    loading.start();
    panel.start_button()->click();
    QCOMPARE(panel.state(), ui::ServePanel::State::Starting);  // returned at once
    QVERIFY(panel.busy_indicator()->isVisible());
    QVERIFY(!panel.start_button()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!panel.url().isEmpty(), 60000);
    qInfo("listening after %lld ms; the GUI timer fired %d times meanwhile", loading.elapsed(), ticks);
    QVERIFY2(panel.error_label()->isHidden(), qPrintable(panel.error_label()->text()));
    QVERIFY(!panel.busy_indicator()->isVisible());
    QVERIFY(panel.stop_button()->isEnabled());
    const QString url = panel.url();
    QVERIFY2(url.startsWith("http://127.0.0.1:") && !url.endsWith(":0"), qPrintable(url));
    QVERIFY(ticks > 0);

    QNetworkAccessManager network;
    const Reply health = send(network, "GET", url + "/health");
    QCOMPARE(health.status, 200);
    QCOMPARE(QJsonDocument::fromJson(health.body).object()["status"].toString(), QString("ok"));
    const Reply unauthorised =
        send(network, "POST", url + "/v1/completions", R"({"model": "tiny-serve", "prompt": "fever", "max_tokens": 4})");
    QCOMPARE(unauthorised.status, 401);

    const QByteArray body = R"({"model": "tiny-serve", "prompt": "The patient has a fever", "max_tokens": 6,
                               "temperature": 0})";
    const Reply completion = send(network, "POST", url + "/v1/completions", body, *key);
    QVERIFY2(completion.status == 200, completion.body.constData());
    const auto answer = QJsonDocument::fromJson(completion.body).object();
    QCOMPARE(answer["object"].toString(), QString("text_completion"));
    QCOMPARE(answer["choices"].toArray().size(), 1);
    const int completion_tokens = answer["usage"].toObject()["completion_tokens"].toInt();
    QVERIFY(completion_tokens > 0);
    // The panel's safety choice (disclaimer on every answer) and request log reached the server.
    const QString text = answer["choices"].toArray()[0].toObject()["text"].toString();
    const auto disclaimer = chat::SafetyRules::defaults().disclaimer;
    QVERIFY2(text.endsWith(QString::fromStdString(disclaimer.en)) || text.endsWith(QString::fromStdString(disclaimer.zh)),
             qPrintable(text));
    {
      store::Workspace workspace(workspace_file_.toStdString());
      const auto logged = store::recent_serve_log(workspace, 10);
      QCOMPARE(logged.size(), size_t(1));  // the 401 is not an answer
      QCOMPARE(logged[0].key_name, std::string("plots"));
      QCOMPARE(logged[0].completion_tokens, int64_t(completion_tokens));
    }

    // The once-a-second sampling shows the requests (the 401 and the 200) and the tokens.
    QTRY_VERIFY_WITH_TIMEOUT(graph_max(panel.plots()->requests_graph()) > 0, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(graph_max(panel.plots()->tokens_graph()) > 0, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(graph_max(panel.plots()->latency_graph()) > 0, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(panel.totals_label()->text().contains("Requests: 2"), 5000);
    QVERIFY(panel.totals_label()->text().contains(QString("Completion tokens: %1").arg(completion_tokens)));
    QCOMPARE(panel.plots()->queue_graph()->data()->isEmpty(), false);

    QElapsedTimer stopping;
    stopping.start();
    panel.stop_button()->click();
    QCOMPARE(panel.state(), ui::ServePanel::State::Stopping);
    QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ui::ServePanel::State::Stopped, 30000);
    qInfo("stopped after %lld ms", stopping.elapsed());
    QVERIFY(panel.url().isEmpty());
    QVERIFY(panel.start_button()->isEnabled());
    const Reply closed = send(network, "GET", url + "/health");
    QCOMPARE(closed.error, QNetworkReply::ConnectionRefusedError);
  }

 private:
  QTemporaryDir tmp_;
  fs::path root_, model_dir_;
  QString workspace_file_;
};

QTEST_MAIN(ServePanelTest)
#include "serve_panel_test.moc"
