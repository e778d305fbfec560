// The memory part of the run form: how the frozen base is held ("base_quantization", top level
// of RUN.json) and the optimiser ("training.optimizer"), as core/train/run_config.h reads them.
// Each choice's tooltip says what it saves and what it costs; core's RunConfig checks the values
// (a quantised base with a full-parameter student, for one) like every other key.
#include <QComboBox>
#include <QFormLayout>

#include <span>

#include "core/train/run_config.h"
#include "ui/training/run_form.h"

namespace medlora::ui {
namespace {

struct Choice {
  const char* value;  // as RUN.json has it
  const char* text;
  const char* tooltip;
};

// Outside a member function lupdate needs the context spelled out (it expands no macros).
// The savings are those of core/quant/quantized_weight.h for the seven projections of each
// layer; embeddings, norms and lm_head stay in the compute dtype.
constexpr Choice kBaseQuantizations[] = {
    {"none", QT_TRANSLATE_NOOP("medlora::ui::RunForm", "none (compute dtype)"),
     QT_TRANSLATE_NOOP("medlora::ui::RunForm",
                       "The base weights in the compute dtype: no quality loss, the most memory")},
    {"int8", QT_TRANSLATE_NOOP("medlora::ui::RunForm", "int8"),
     QT_TRANSLATE_NOOP("medlora::ui::RunForm",
                       "1 byte a weight and a scale per row: half of bfloat16's memory, a quarter of float32's; "
                       "a little slower, a small quality loss")},
    {"nf4", QT_TRANSLATE_NOOP("medlora::ui::RunForm", "NF4"),
     QT_TRANSLATE_NOOP("medlora::ui::RunForm",
                       "4-bit NormalFloat in blocks of 64 (QLoRA): about 4.5 bits a weight; slower than int8, "
                       "a larger quality loss")},
    {"nf4-dq", QT_TRANSLATE_NOOP("medlora::ui::RunForm", "NF4, double-quantised scales"),
     QT_TRANSLATE_NOOP("medlora::ui::RunForm",
                       "NF4 with its block scales quantised to 8 bits: about 0.4 bit a weight less than NF4, "
                       "for a little more dequantisation time")},
};

constexpr Choice kOptimizers[] = {
    {"adamw", QT_TRANSLATE_NOOP("medlora::ui::RunForm", "AdamW"),
     QT_TRANSLATE_NOOP("medlora::ui::RunForm",
                       "Both moments in float32: 8 bytes of optimiser state a trainable weight; the exact update")},
    {"adamw_8bit", QT_TRANSLATE_NOOP("medlora::ui::RunForm", "AdamW 8-bit"),
     QT_TRANSLATE_NOOP("medlora::ui::RunForm",
                       "Both moments blockwise-quantised to 8 bits: 2 bytes a trainable weight instead of 8 "
                       "(tensors under 4096 elements stay float32); a slightly noisier update")},
};

QComboBox* choice_box(QWidget* parent, std::span<const Choice> choices, const std::string& default_value) {
  auto* box = new QComboBox(parent);
  for (const auto& c : choices) box->addItem(QString(), QString::fromLatin1(c.value));
  box->setCurrentIndex(box->findData(QString::fromStdString(default_value)));
  return box;
}

void retranslate(QComboBox* box, std::span<const Choice> choices) {
  for (int i = 0; i < static_cast<int>(choices.size()); ++i) {
    box->setItemText(i, RunForm::tr(choices[i].text));
    box->setItemData(i, RunForm::tr(choices[i].tooltip), Qt::ToolTipRole);
  }
}

}  // namespace

void RunForm::add_memory_fields(QFormLayout* form) {
  const train::RunConfig defaults;  // the trainer's: "none" and "adamw"
  add_field(form, "base_quantization", choice_box(this, kBaseQuantizations, defaults.base_quantization),
            QT_TR_NOOP("Base quantisation"),
            QT_TR_NOOP("How the frozen base's projections are held: quantised, they take less memory and dequantise "
                       "on the fly (LoRA only, CPU)"));
  add_field(form, "training.optimizer", choice_box(this, kOptimizers, defaults.training.optimizer),
            QT_TR_NOOP("Optimiser"),
            QT_TR_NOOP("AdamW keeps two float32 moments a trainable weight; the 8-bit variant stores them in a "
                       "quarter of that"));
}

void RunForm::retranslate_memory_fields() {
  retranslate(qobject_cast<QComboBox*>(fields_.value("base_quantization")), kBaseQuantizations);
  retranslate(qobject_cast<QComboBox*>(fields_.value("training.optimizer")), kOptimizers);
}

void RunForm::add_memory_keys(QJsonObject& config) const {
  // Top level, as core reads it; "training.optimizer" goes into "training" with the other
  // training.* fields.
  config["base_quantization"] = value("base_quantization").toString();
}

}  // namespace medlora::ui
