// The template lists of the chat tester's generation settings and the Training panel's run
// form: "model default" (value "") first, then PromptFormat::choices(true); defaults and
// resets select "model default"; settings saved with an old name ("clinic") restore it; the
// run form leaves "template" out of RUN.json for the model default and the trainer accepts
// that; the first entry retranslates live.
#include <QComboBox>
#include <QEvent>
#include <QJsonObject>
#include <QtTest>

#include "core/tokenizer/prompt_format.h"
#include "core/train/run_config.h"
#include "ui/chat/generation_settings_form.h"
#include "ui/training/run_form.h"

using namespace medlora;

namespace {

// The combo's values in order, and whether its first entry is "model default" with value "".
QStringList values(const QComboBox& combo) {
  QStringList list;
  for (int i = 0; i < combo.count(); ++i) list << combo.itemData(i).toString();
  return list;
}

QStringList expected_values() {
  QStringList list{QString()};
  for (const auto& name : tokenizer::PromptFormat::choices(true)) list << QString::fromStdString(name);
  return list;
}

void retranslates_first_entry(QWidget& owner, QComboBox& combo) {
  combo.setItemText(0, "stale");
  QEvent change(QEvent::LanguageChange);
  QCoreApplication::sendEvent(&owner, &change);
  QCOMPARE(combo.itemText(0), QString("model default"));
}

}  // namespace

class TemplateChoicesTest : public QObject {
  Q_OBJECT

 private slots:
  void settings_form_offers_model_default_then_the_choices() {
    ui::GenerationSettingsForm form;
    QComboBox* combo = form.template_combo();
    QCOMPARE(values(*combo), expected_values());
    QVERIFY(values(*combo).contains("model"));
    QVERIFY(values(*combo).contains("chatml"));
    QCOMPARE(combo->itemText(0), QString("model default"));
    QCOMPARE(combo->currentIndex(), 0);  // the defaults
    QCOMPARE(form.settings().template_name, QString());

    combo->setCurrentIndex(combo->findData("chatml"));
    QCOMPARE(form.settings().template_name, QString("chatml"));
    form.reset_button()->click();
    QCOMPARE(combo->currentIndex(), 0);
    QCOMPARE(form.settings().template_name, QString());
    retranslates_first_entry(form, *combo);
  }

  void settings_with_an_old_name_restore() {
    ui::GenerationSettingsForm form;
    // Settings saved before chat templates existed name a plain template.
    const auto old = ui::GenerationSettings::from_json(R"({"temperature":0.3,"template":"clinic"})");
    QCOMPARE(old.template_name, QString("clinic"));
    form.set_settings(old);
    QCOMPARE(form.template_combo()->currentData().toString(), QString("clinic"));
    QCOMPARE(form.settings().template_name, QString("clinic"));
    // No "template" key (or ""): the model default.
    form.set_settings(ui::GenerationSettings::from_json(R"({"temperature":0.3})"));
    QCOMPARE(form.template_combo()->currentIndex(), 0);
    QCOMPARE(form.settings().template_name, QString());
    // The round trip keeps the choice.
    form.template_combo()->setCurrentIndex(form.template_combo()->findData("model"));
    QCOMPARE(ui::GenerationSettings::from_json(form.settings().to_json()).template_name, QString("model"));
    // A name this build does not know is kept as it is (the engine then names the choices),
    // never silently replaced.
    ui::GenerationSettings unknown;
    unknown.template_name = "alpaca";
    form.set_settings(unknown);
    QCOMPARE(form.settings().template_name, QString("alpaca"));
  }

  void run_form_offers_model_default_and_omits_the_key() {
    ui::RunForm form;
    auto* combo = qobject_cast<QComboBox*>(form.field("template"));
    QVERIFY(combo);
    QCOMPARE(values(*combo), expected_values());
    QCOMPARE(combo->itemText(0), QString("model default"));
    QCOMPARE(form.value("template").toString(), QString());  // the preset's default
    QVERIFY(!form.request().config.contains("template"));

    QVERIFY(form.set_value("template", "chatml"));
    QCOMPARE(form.request().config.value("template").toString(), QString("chatml"));
    QVERIFY(form.set_value("template", "clinic"));  // an old name still selects
    QCOMPARE(form.request().config.value("template").toString(), QString("clinic"));
    form.apply_preset("medical-record");  // presets go back to the model default
    QVERIFY(!form.request().config.contains("template"));
    QVERIFY(form.set_value("template", "model"));
    QVERIFY(form.set_value("template", QString()));  // "" selects the model default
    QCOMPARE(combo->currentIndex(), 0);
    QVERIFY(!form.request().config.contains("template"));

    // The trainer's strict parser takes RUN.json without "template" (template_name "").
    form.set_value("base_model", "/nowhere/model");
    form.set_value("dataset", qint64(-1));
    form.set_value("train_file", "/nowhere/train.jsonl");
    QJsonObject config = form.request().config;
    QVERIFY(!config.contains("template"));
    const auto parsed = train::RunConfig::from_json(config, form.request().run_dir.toStdString(), "the test");
    QVERIFY(parsed.template_name.empty());
    config["template"] = "clinic";
    QCOMPARE(train::RunConfig::from_json(config, form.request().run_dir.toStdString(), "the test").template_name,
             std::string("clinic"));
    retranslates_first_entry(form, *combo);
  }
};

QTEST_MAIN(TemplateChoicesTest)
#include "template_choices_test.moc"
