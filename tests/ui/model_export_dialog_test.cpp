// The Export model dialog under offscreen Qt: missing choices are said on screen, a GGUF export
// (with an adapter merged in and a Modelfile) and a GGUF LoRA run off the GUI thread with a
// progress bar and produce files the project's GGUF reader accepts, a merged folder export, and
// the Models panel / run history reach the dialog with the right paths filled in.
#include "tests/ui/tiny_model_fixture.h"  // first: torch before Qt

#include "core/gguf/gguf_reader.h"
#include "core/lora/lora_model.h"
#include "core/lora/peft_adapter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/models/model_export_dialog.h"
#include "ui/shell/path_field.h"

using namespace medlora;
namespace fs = std::filesystem;

class ModelExportDialogTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    root_ = tmp_.path().toStdString();
    base_ = root_ / "tiny-base";
    testing::write_tiny_model(base_, true);
    // A trained-looking adapter: non-zero B, so the merge changes the weights.
    model::LlamaForCausalLM m(testing::tiny_llama_config());
    model::initialize_weights(m, 3);
    lora::LoraConfig config;
    config.r = 4;
    config.alpha = 8;
    config.base_model_name_or_path = base_.string();
    lora::inject_lora(m, config, "default", 1);
    {
      torch::NoGradGuard no_grad;
      for (auto& [name, t] : lora::lora_trainable_parameters(m)) t.normal_(0, 0.05);
    }
    adapter_ = root_ / "adapter";
    lora::save_peft_adapter(m, config, adapter_);
  }

  void missing_choices_are_said_and_nothing_starts() {
    ui::ModelExportDialog dialog;
    QVERIFY(!dialog.start_export());
    QVERIFY(dialog.status()->text().contains("base model"));
    dialog.set_base(testing::qpath(base_));
    dialog.set_format(ui::ModelExportDialog::Format::GgufLora);
    QVERIFY(!dialog.start_export());
    QVERIFY(dialog.status()->text().contains("adapter"));
    dialog.set_adapter(testing::qpath(adapter_));
    QVERIFY(!dialog.start_export());
    QVERIFY(dialog.status()->text().contains("GGUF file"));
    QVERIFY(!dialog.running());
  }

  void a_merged_gguf_with_a_modelfile_is_written_off_the_gui_thread() {
    ui::ModelExportDialog dialog;
    dialog.show();
    dialog.set_base(testing::qpath(base_));
    dialog.set_adapter(testing::qpath(adapter_));
    const fs::path out = root_ / "ollama" / "clinic.gguf";
    fs::create_directories(out.parent_path());
    dialog.file_field()->set_path(testing::qpath(out));
    dialog.type_box()->setCurrentIndex(dialog.type_box()->findData("q8_0"));
    dialog.modelfile_box()->setChecked(true);
    QSignalSpy finished(&dialog, &ui::ModelExportDialog::finished);
    QVERIFY(dialog.start_export());
    QVERIFY(dialog.running());
    QVERIFY(!dialog.export_button()->isEnabled());
    QVERIFY(dialog.progress()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QVERIFY(dialog.status()->text().contains("q8_0"));
    QVERIFY(dialog.status()->text().contains("ollama create"));
    QVERIFY(dialog.export_button()->isEnabled());
    QVERIFY(!dialog.progress()->isVisible());
    const auto file = gguf::GgufFile::open(out);
    QCOMPARE(QString::fromStdString(file.value("general.architecture").as_string()), QString("llama"));
    QVERIFY(file.has_tensor("blk.0.attn_q.weight"));
    QCOMPARE(file.tensor("blk.0.attn_q.weight").type, gguf::TensorType::Q8_0);
    QVERIFY(fs::exists(out.parent_path() / "Modelfile"));
  }

  void a_gguf_lora_and_a_merged_folder() {
    ui::ModelExportDialog dialog;
    dialog.set_base(testing::qpath(base_));
    dialog.set_adapter(testing::qpath(adapter_));
    dialog.set_format(ui::ModelExportDialog::Format::GgufLora);
    QCOMPARE(dialog.type_box()->currentData().toString(), QString("f32"));  // a LoRA's default, as llama.cpp's converter
    QVERIFY(!dialog.base_gguf_field()->isVisibleTo(&dialog));
    dialog.modelfile_box()->setChecked(true);
    QVERIFY(dialog.base_gguf_field()->isVisibleTo(&dialog));
    dialog.modelfile_box()->setChecked(false);
    const fs::path lora_file = root_ / "lora.gguf";
    dialog.file_field()->set_path(testing::qpath(lora_file));
    QSignalSpy finished(&dialog, &ui::ModelExportDialog::finished);
    QVERIFY(dialog.start_export());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    const auto file = gguf::GgufFile::open(lora_file);
    QCOMPARE(QString::fromStdString(file.value("general.type").as_string()), QString("adapter"));
    QVERIFY(file.has_tensor("blk.1.attn_v.weight.lora_b"));

    dialog.set_format(ui::ModelExportDialog::Format::MergedFolder);
    QVERIFY(!dialog.file_field()->isVisibleTo(&dialog));
    QVERIFY(dialog.folder_field()->isVisibleTo(&dialog));
    dialog.folder_field()->set_path(testing::qpath(root_ / "merged"));
    QVERIFY(dialog.start_export());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(finished.at(1).at(1).toString()));
    QVERIFY(fs::exists(root_ / "merged" / "config.json"));
    QVERIFY(fs::exists(root_ / "merged" / "model.safetensors"));
  }

  void a_failure_is_shown_and_the_dialog_can_be_used_again() {
    ui::ModelExportDialog dialog;
    dialog.set_base(testing::qpath(root_ / "no-such-model"));
    dialog.file_field()->set_path(testing::qpath(root_ / "x.gguf"));
    QSignalSpy finished(&dialog, &ui::ModelExportDialog::finished);
    QVERIFY(dialog.start_export());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY(!finished.at(0).at(0).toBool());
    QVERIFY(dialog.status()->text().contains("not an HF model folder"));
    QVERIFY(dialog.export_button()->isEnabled());
    QVERIFY(!fs::exists(root_ / "x.gguf"));
  }

 private:
  QTemporaryDir tmp_;
  fs::path root_, base_, adapter_;
};

QTEST_MAIN(ModelExportDialogTest)
#include "model_export_dialog_test.moc"
