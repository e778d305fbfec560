#pragma once
// "Export model...": a base model (and optionally a LoRA adapter) out of the workbench as one
// GGUF file for llama.cpp / Ollama, the adapter alone as a GGUF LoRA, or a merged HF folder,
// with an Ollama Modelfile on request. The dialog only collects choices: the export itself is
// core/lora's (the same calls as `medlora export`), run off the GUI thread with a progress bar.
#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace medlora::ui {

class PathField;

class ModelExportDialog : public QDialog {
  Q_OBJECT

 public:
  enum class Format { Gguf, GgufLora, MergedFolder };

  explicit ModelExportDialog(QWidget* parent = nullptr);

  void set_base(const QString& dir);
  void set_adapter(const QString& dir);
  void set_format(Format format);
  Format format() const;

  // Starts the export with the current choices; false (and the reason shown) when a choice is
  // missing. finished() follows on the GUI thread.
  bool start_export();
  bool running() const { return running_; }

  PathField* base_field() const { return base_; }
  PathField* adapter_field() const { return adapter_; }
  PathField* file_field() const { return file_; }
  PathField* folder_field() const { return folder_; }
  PathField* base_gguf_field() const { return base_gguf_; }
  QComboBox* type_box() const { return type_; }
  QCheckBox* modelfile_box() const { return modelfile_; }
  QProgressBar* progress() const { return progress_; }
  QLabel* status() const { return status_; }
  QPushButton* export_button() const { return export_; }

 signals:
  // ok: what was written ("wrote ... (f16, 21 tensors, 1.7 MB)"), or why it failed.
  void finished(bool ok, const QString& message);

 protected:
  void changeEvent(QEvent* event) override;
  void reject() override;  // not while an export runs: it cannot be interrupted halfway

 private:
  void retranslate();
  void update_visibility();
  void set_running(bool running);
  void show_status(const QString& text, bool error);

  QComboBox* format_;
  PathField* base_;
  PathField* adapter_;
  PathField* file_;
  PathField* folder_;
  PathField* base_gguf_;
  QComboBox* type_;
  QCheckBox* modelfile_;
  QProgressBar* progress_;
  QLabel* status_;
  QLabel* format_label_;
  QLabel* base_label_;
  QLabel* adapter_label_;
  QLabel* out_label_;
  QLabel* type_label_;
  QLabel* base_gguf_label_;
  QPushButton* export_;
  QDialogButtonBox* buttons_;
  bool running_ = false;
};

}  // namespace medlora::ui
