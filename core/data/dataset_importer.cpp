#include "core/data/dataset_importer.h"

#include <QFile>
#include <QString>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>
#include <system_error>

#include "core/data/delimited_records_reader.h"
#include "core/data/import_sink.h"
#include "core/data/json_records_reader.h"
#include "core/data/medquad_reader.h"

namespace medlora::data {

namespace fs = std::filesystem;

namespace {

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string read_file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw std::runtime_error("cannot read " + path.string() + ": " + std::strerror(errno));
  const std::streamoff size = in.tellg();
  std::string bytes(static_cast<size_t>(std::max<std::streamoff>(size, 0)), '\0');
  in.seekg(0);
  if (size > 0 && !in.read(bytes.data(), size)) {
    throw std::runtime_error("cannot read " + path.string() + ": " + std::strerror(errno));
  }
  return bytes;
}

bool is_xml_file(const fs::path& path) { return lowercase(path.extension().string()) == ".xml"; }

// The XML files of a folder and its subfolders, in path order so that imports are repeatable.
std::vector<fs::path> xml_files_in(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) throw std::runtime_error("not a folder: " + folder.string());
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && is_xml_file(it->path())) files.push_back(it->path());
  }
  if (ec) throw std::runtime_error("cannot list " + folder.string() + ": " + ec.message());
  if (files.empty()) {
    throw std::invalid_argument("no .xml files in " + folder.string() +
                                " (a folder is read as MedQuAD XML; give files for other formats)");
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The file's text as UTF-8: a view of `bytes` when they already are (BOM skipped), else the
// decoded text kept in `storage`.
std::string_view utf8_view(std::string_view bytes, TextEncoding encoding, std::string& storage) {
  if (encoding != TextEncoding::Gb18030) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    const std::string_view body = bytes.substr(0, kBom.size()) == kBom ? bytes.substr(kBom.size()) : bytes;
    if (is_valid_utf8(body)) return body;
  }
  storage = decode_to_utf8(bytes, encoding);
  return storage;
}

// What a file holds when the user chose Auto: its extension, else its first characters.
ImportFormat detect_format(const fs::path& path, std::string_view text) {
  const std::string ext = lowercase(path.extension().string());
  if (ext == ".jsonl" || ext == ".ndjson") return ImportFormat::Jsonl;
  if (ext == ".csv") return ImportFormat::Csv;
  if (ext == ".tsv" || ext == ".tab") return ImportFormat::Tsv;
  const size_t first = text.find_first_not_of(" \t\r\n");
  const char lead = first == std::string_view::npos ? '\0' : text[first];
  if (ext == ".json" || lead == '[' || lead == '{') {
    if (lead == '{' && first_line_is_complete_json(text)) return ImportFormat::Jsonl;
    return ImportFormat::Json;
  }
  const std::string_view first_line = text.substr(0, text.find('\n'));
  if (first_line.find('\t') != std::string_view::npos) return ImportFormat::Tsv;
  if (first_line.find(',') != std::string_view::npos) return ImportFormat::Csv;
  throw std::invalid_argument("cannot tell the format of " + path.string() +
                              "; choose one with --format json|jsonl|csv|tsv|medquad");
}

class ImportRun {
 public:
  ImportRun(const ImportOptions& options, const ImportProgress& progress, int64_t total_bytes)
      : options_(options), progress_(progress), total_(total_bytes) {}

  ImportResult take() { return std::move(result_); }

  void import_path(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw std::runtime_error("no such file or folder: " + path.string());
    if (fs::is_directory(path, ec)) {
      if (options_.format != ImportFormat::Auto && options_.format != ImportFormat::MedQuad) {
        throw std::invalid_argument(path.string() + " is a folder; only --format medquad (or auto) reads folders");
      }
      for (const fs::path& file : xml_files_in(path)) import_xml(file);
      return;
    }
    if (options_.format == ImportFormat::MedQuad || (options_.format == ImportFormat::Auto && is_xml_file(path))) {
      import_xml(path);
      return;
    }
    import_text_file(path);
  }

 private:
  void import_xml(const fs::path& file) {
    const std::string bytes = read_file_bytes(file);
    read_medquad_document(bytes, file.string(), result_);
    advance(static_cast<int64_t>(bytes.size()));
  }

  void import_text_file(const fs::path& file) {
    // Mapped rather than read: a UTF-8 file (the usual case) is then parsed in place, with no
    // copy of what may be hundreds of megabytes.
    QFile mapped(QString::fromStdString(file.string()));
    if (!mapped.open(QIODevice::ReadOnly)) {
      throw std::runtime_error("cannot read " + file.string() + ": " + mapped.errorString().toStdString());
    }
    const auto file_bytes = static_cast<int64_t>(mapped.size());
    std::string_view bytes;
    if (file_bytes > 0) {
      const uchar* data = mapped.map(0, file_bytes);
      if (!data) throw std::runtime_error("cannot read " + file.string() + ": " + mapped.errorString().toStdString());
      bytes = std::string_view(reinterpret_cast<const char*>(data), static_cast<size_t>(file_bytes));
    }
    std::string decoded;
    std::string_view text;
    try {
      text = utf8_view(bytes, options_.encoding, decoded);
    } catch (const std::runtime_error& e) {
      throw std::runtime_error(file.string() + ": " + e.what());
    }
    const ImportFormat format = options_.format == ImportFormat::Auto ? detect_format(file, text) : options_.format;
    const double scale = text.empty() ? 0.0 : static_cast<double>(file_bytes) / static_cast<double>(text.size());
    ImportSink sink(result_, file.string(), [this, scale](size_t offset) {
      report(done_ + static_cast<int64_t>(static_cast<double>(offset) * scale));
    });
    switch (format) {
      case ImportFormat::Json: read_json_records(text, options_.columns, sink); break;
      case ImportFormat::Jsonl: read_jsonl_records(text, options_.columns, sink); break;
      case ImportFormat::Csv: read_delimited_records(text, ',', options_.columns, sink); break;
      case ImportFormat::Tsv: read_delimited_records(text, '\t', options_.columns, sink); break;
      case ImportFormat::Auto:
      case ImportFormat::MedQuad: break;  // handled before decoding
    }
    advance(file_bytes);
  }

  void advance(int64_t bytes) {
    done_ += bytes;
    report(done_);
  }

  void report(int64_t done) {
    if (progress_ && !progress_(std::min(done, total_), total_)) throw ImportCancelled();
  }

  const ImportOptions& options_;
  const ImportProgress& progress_;
  int64_t total_;
  int64_t done_ = 0;
  ImportResult result_;
};

int64_t total_bytes(const std::vector<fs::path>& paths) {
  int64_t total = 0;
  std::error_code ec;
  for (const fs::path& path : paths) {
    if (fs::is_directory(path, ec)) {
      for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && is_xml_file(it->path())) total += static_cast<int64_t>(it->file_size(ec));
      }
    } else if (fs::is_regular_file(path, ec)) {
      total += static_cast<int64_t>(fs::file_size(path, ec));
    }
  }
  return total;
}

}  // namespace

ImportFormat parse_import_format(const std::string& name) {
  const std::string n = lowercase(name);
  if (n == "auto") return ImportFormat::Auto;
  if (n == "json") return ImportFormat::Json;
  if (n == "jsonl" || n == "ndjson") return ImportFormat::Jsonl;
  if (n == "csv") return ImportFormat::Csv;
  if (n == "tsv") return ImportFormat::Tsv;
  if (n == "medquad") return ImportFormat::MedQuad;
  throw std::invalid_argument("unknown import format '" + name + "' (auto, json, jsonl, csv, tsv, medquad)");
}

const char* import_format_name(ImportFormat format) {
  switch (format) {
    case ImportFormat::Auto: return "auto";
    case ImportFormat::Json: return "json";
    case ImportFormat::Jsonl: return "jsonl";
    case ImportFormat::Csv: return "csv";
    case ImportFormat::Tsv: return "tsv";
    case ImportFormat::MedQuad: return "medquad";
  }
  return "auto";
}

ColumnMap parse_column_map(const std::string& spec) {
  ColumnMap map;
  std::stringstream items(spec);
  std::string item;
  while (std::getline(items, item, ',')) {
    if (trimmed(item).empty()) continue;
    const size_t eq = item.find('=');
    if (eq == std::string::npos) {
      throw std::invalid_argument("bad column mapping '" + item + "': expected FIELD=COLUMN, e.g. output=answer");
    }
    const std::string field = lowercase(trimmed(item.substr(0, eq)));
    const std::string column = trimmed(item.substr(eq + 1));
    if (column.empty()) throw std::invalid_argument("bad column mapping '" + item + "': the column name is empty");
    if (field == "instruction") map.instruction = column;
    else if (field == "input") map.input = column;
    else if (field == "output") map.output = column;
    else if (field == "category") map.category = column;
    else throw std::invalid_argument("bad column mapping '" + item + "': the field must be instruction, input, output or category");
  }
  return map;
}

ImportResult import_paths(const std::vector<fs::path>& paths, const ImportOptions& options,
                          const ImportProgress& progress) {
  if (paths.empty()) throw std::invalid_argument("nothing to import: give at least one file or folder");
  ImportRun run(options, progress, total_bytes(paths));
  for (const fs::path& path : paths) run.import_path(path);
  return run.take();
}

ImportResult import_medquad_folder(const fs::path& folder, const ImportProgress& progress) {
  const std::vector<fs::path> files = xml_files_in(folder);
  ImportResult result;
  const int64_t total = static_cast<int64_t>(files.size());
  for (int64_t i = 0; i < total; ++i) {
    const fs::path& file = files[static_cast<size_t>(i)];
    read_medquad_document(read_file_bytes(file), file.string(), result);
    if (progress && !progress(i + 1, total)) throw ImportCancelled();
  }
  return result;
}

}  // namespace medlora::data
