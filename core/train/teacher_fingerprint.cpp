#include "core/train/teacher_fingerprint.h"

#include <QCryptographicHash>
#include <QFile>

#include <algorithm>
#include <filesystem>

#include "core/train/train_error.h"

namespace medlora::train {

namespace fs = std::filesystem;

namespace {

constexpr qint64 kWholeFileLimit = 6 << 20;
constexpr qint64 kSampleBytes = 2 << 20;

void add_text(QCryptographicHash& hash, const std::string& text) {
  const auto size = static_cast<quint64>(text.size());
  hash.addData(QByteArrayView(reinterpret_cast<const char*>(&size), sizeof size));
  hash.addData(QByteArrayView(text.data(), static_cast<qsizetype>(text.size())));
}

void add_file(QCryptographicHash& hash, const fs::path& file) {
  QFile f(QString::fromStdString(file.string()));
  if (!f.open(QIODevice::ReadOnly))
    throw TrainingError("cannot read " + file.string() + " to fingerprint the teacher: " + f.errorString().toStdString());
  const qint64 size = f.size();
  add_text(hash, file.filename().string() + ":" + std::to_string(size));
  if (size <= kWholeFileLimit) {
    hash.addData(f.readAll());
    return;
  }
  for (const qint64 at : {qint64{0}, (size - kSampleBytes) / 2, size - kSampleBytes}) {
    f.seek(at);
    hash.addData(f.read(kSampleBytes));
  }
}

void add_folder(QCryptographicHash& hash, const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    const auto ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".safetensors" || ext == ".json")) files.push_back(entry.path());
  }
  if (error) throw TrainingError("cannot list " + dir.string() + " to fingerprint the teacher: " + error.message());
  std::sort(files.begin(), files.end());
  add_text(hash, "files:" + std::to_string(files.size()));
  for (const auto& file : files) add_file(hash, file);
}

std::string hex(const QCryptographicHash& hash) { return hash.result().toHex().toStdString(); }

}  // namespace

std::string teacher_identity(const TeacherSettings& teacher, const std::string& compute_dtype) {
  QCryptographicHash hash(QCryptographicHash::Sha256);
  add_text(hash, "teacher-identity-v1");
  add_folder(hash, teacher.model);
  add_text(hash, "adapter:" + std::string(teacher.adapter.empty() ? "none" : "given"));
  if (!teacher.adapter.empty()) add_folder(hash, teacher.adapter);
  add_text(hash, "quantization:" + teacher.quantization);
  add_text(hash, "dtype:" + compute_dtype);
  return hex(hash);
}

std::string teacher_top_k_fingerprint(const std::string& teacher_identity, const std::vector<EncodedExample>& examples,
                                      int64_t k) {
  QCryptographicHash hash(QCryptographicHash::Sha256);
  add_text(hash, "teacher-top-k-v1");
  add_text(hash, teacher_identity);
  add_text(hash, "k:" + std::to_string(k) + " examples:" + std::to_string(examples.size()));
  for (const auto& e : examples) {
    const auto bytes = static_cast<qsizetype>(e.input_ids.size() * sizeof(int64_t));
    add_text(hash, "example:" + std::to_string(e.input_ids.size()));
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(e.input_ids.data()), bytes));
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(e.labels.data()), bytes));
  }
  return hex(hash);
}

}  // namespace medlora::train
