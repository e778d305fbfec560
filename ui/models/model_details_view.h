#pragma once
// The facts of one model folder: architecture, sizes, dtype, weights on disk, tokenizer.
#include <QFormLayout>
#include <QLabel>
#include <QWidget>
#include <optional>

#include "core/model/model_catalog.h"

namespace medlora::ui {

class ModelDetailsView : public QWidget {
  Q_OBJECT

 public:
  explicit ModelDetailsView(QWidget* parent = nullptr);

  void show_entry(const model::CatalogEntry& entry);
  void clear_entry();
  // The tokenizer is described later, by the worker.
  void show_tokenizer_loading();
  void show_tokenizer(const QString& model_type, qint64 vocab_size, qint64 bos_id, qint64 eos_id, qint64 pad_id);
  void show_tokenizer_error(const QString& message);

  // The value shown for a field ("parameters", "layers", ...), for tests.
  QString value(const QString& field) const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Row {
    QString field;
    QLabel* label;
    QLabel* value;
  };
  QLabel* add_row(const QString& field);
  void retranslate();
  void refresh_values();

  QFormLayout* form_;
  QLabel* heading_;
  QLabel* error_;
  QList<Row> rows_;
  std::optional<model::CatalogEntry> entry_;
  enum class TokenizerState { None, Loading, Loaded, Failed } tokenizer_state_ = TokenizerState::None;
  QString tokenizer_type_, tokenizer_error_;
  qint64 tokenizer_vocab_ = 0, bos_ = -1, eos_ = -1, pad_ = -1;
};

}  // namespace medlora::ui
