// Switching the language while one of the chat tester's dialogs (routing rules, safety rules,
// knowledge base) is open changes its texts at once (QEvent::LanguageChange) and back, keeping
// what is being edited.
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include "core/chat/adapter_router.h"
#include "core/chat/safety_filter.h"
#include "ui/chat/knowledge_base_dialog.h"
#include "ui/chat/routing_rules_dialog.h"
#include "ui/chat/safety_rules_dialog.h"
#include "ui/shell/language_manager.h"

using namespace medlora;

class ChatDialogRetranslationTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    languages_.apply("en");
    QVERIFY(zh_.load(":/i18n/medlora_zh_CN.qm"));
  }

  void routing_rules_dialog_switches_to_chinese_and_back() {
    ui::RoutingRulesDialog dialog(chat::RoutingRules::defaults(), {"common", "chronic", "emergency"}, nullptr);
    dialog.show();
    const int rules = dialog.rules_table()->rowCount();
    QVERIFY(rules > 0);
    QCOMPARE(dialog.windowTitle(), QString("Adapter routing rules"));
    QCOMPARE(dialog.rules_table()->horizontalHeaderItem(0)->text(), QString("Adapter"));
    QCOMPARE(button_texts(&dialog).count("&Add rule"), 1);
    QCOMPARE(label_texts(&dialog).count("&Default adapter:"), 1);
    QCOMPARE(dialog.decision_label()->text(), QString("(type a question above to see the decision)"));

    QCoreApplication::installTranslator(&zh_);
    QTRY_COMPARE(dialog.windowTitle(), QString::fromUtf8("适配器路由规则"));
    QCOMPARE(dialog.rules_table()->horizontalHeaderItem(0)->text(), QString::fromUtf8("适配器"));
    QCOMPARE(button_texts(&dialog).count(QString::fromUtf8("添加规则(&A)")), 1);
    QCOMPARE(label_texts(&dialog).count(QString::fromUtf8("默认适配器(&D)：")), 1);
    QCOMPARE(dialog.decision_label()->text(), QString::fromUtf8("（在上方输入问题以查看路由结果）"));
    QCOMPARE(dialog.rules_table()->rowCount(), rules);

    QCoreApplication::removeTranslator(&zh_);
    QTRY_COMPARE(dialog.windowTitle(), QString("Adapter routing rules"));
    QCOMPARE(button_texts(&dialog).count("&Add rule"), 1);
    QCOMPARE(label_texts(&dialog).count("&Default adapter:"), 1);
  }

  void safety_rules_dialog_switches_to_chinese_and_back() {
    ui::SafetyRulesDialog dialog(chat::SafetyRules::defaults(), nullptr);
    dialog.show();
    auto* tabs = dialog.findChild<QTabWidget*>();
    QVERIFY(tabs);
    QCOMPARE(dialog.windowTitle(), QString("Safety filter rules"));
    QCOMPARE(tabs->tabText(0), QString("&Dangerous advice"));
    QCOMPARE(button_texts(&dialog).count("&Check"), 1);
    QCOMPARE(button_texts(&dialog).count("&Add"), 2);
    QCOMPARE(label_texts(&dialog).count("Emergency notice (Chinese):"), 1);
    QCOMPARE(label_texts(&dialog).count("Answers matching these patterns are flagged (never rewritten)."), 1);

    QCoreApplication::installTranslator(&zh_);
    QTRY_COMPARE(dialog.windowTitle(), QString::fromUtf8("安全过滤规则"));
    QCOMPARE(tabs->tabText(0), QString::fromUtf8("危险建议(&D)"));
    QCOMPARE(button_texts(&dialog).count(QString::fromUtf8("检查(&C)")), 1);
    QCOMPARE(button_texts(&dialog).count(QString::fromUtf8("添加(&A)")), 2);
    QCOMPARE(label_texts(&dialog).count(QString::fromUtf8("急症提示（中文）：")), 1);
    QCOMPARE(label_texts(&dialog).count(QString::fromUtf8("与这些模式匹配的回答会被标记（但不会被改写）。")), 1);

    QCoreApplication::removeTranslator(&zh_);
    QTRY_COMPARE(dialog.windowTitle(), QString("Safety filter rules"));
    QCOMPARE(button_texts(&dialog).count("&Check"), 1);
  }

  void knowledge_base_dialog_switches_to_chinese_and_back() {
    QTemporaryDir dir;
    ui::KnowledgeBaseDialog dialog(dir.filePath("kb.medlora"));
    dialog.show();
    QCOMPARE(dialog.windowTitle(), QString("Knowledge base"));
    QCOMPARE(dialog.documents_table()->horizontalHeaderItem(0)->text(), QString("Title"));
    QCOMPARE(button_texts(&dialog).count("Import &files…"), 1);
    QCOMPARE(label_texts(&dialog).count("&Search:"), 1);
    QVERIFY(dialog.status_label()->text().startsWith("The knowledge base is empty"));

    QCoreApplication::installTranslator(&zh_);
    QTRY_COMPARE(dialog.windowTitle(), QString::fromUtf8("知识库"));
    QCOMPARE(dialog.documents_table()->horizontalHeaderItem(0)->text(), QString::fromUtf8("标题"));
    QCOMPARE(button_texts(&dialog).count(QString::fromUtf8("导入文件(&F)…")), 1);
    QCOMPARE(label_texts(&dialog).count(QString::fromUtf8("搜索(&S)：")), 1);
    QVERIFY2(dialog.status_label()->text().startsWith(QString::fromUtf8("知识库为空")),
             qPrintable(dialog.status_label()->text()));

    QCoreApplication::removeTranslator(&zh_);
    QTRY_COMPARE(dialog.windowTitle(), QString("Knowledge base"));
    QVERIFY(dialog.status_label()->text().startsWith("The knowledge base is empty"));
  }

 private:
  static QStringList button_texts(QWidget* root) {
    QStringList texts;
    for (auto* b : root->findChildren<QPushButton*>()) texts << b->text();
    return texts;
  }
  static QStringList label_texts(QWidget* root) {
    QStringList texts;
    for (auto* l : root->findChildren<QLabel*>()) texts << l->text();
    return texts;
  }

  ui::LanguageManager languages_;
  QTranslator zh_;
};

QTEST_MAIN(ChatDialogRetranslationTest)
#include "chat_dialog_retranslation_test.moc"
