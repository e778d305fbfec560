#include "core/chat/document_text.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "core/chat/rules_file.h"
#include "core/data/html_text.h"
#include "core/data/text_encoding.h"

#ifdef MEDLORA_WITH_POPPLER
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#endif

namespace medlora::chat {
namespace {

std::string lower_extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

std::string base_name(const std::string& path) { return std::filesystem::path(path).stem().string(); }

// Markdown inline syntax on one line: images and links keep their text, code spans their code,
// emphasis markers go.
QString strip_inline(QString line) {
  static const QRegularExpression image(R"(!\[([^\]]*)\]\([^)]*\))");
  static const QRegularExpression link(R"(\[([^\]]+)\]\([^)]*\))");
  static const QRegularExpression reference_link(R"(\[([^\]]+)\]\[[^\]]*\])");
  static const QRegularExpression autolink(R"(<((?:https?|mailto):[^>\s]+)>)");
  static const QRegularExpression code(R"(`+([^`]+)`+)");
  static const QRegularExpression strong(R"((\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1)");
  static const QRegularExpression emphasis(R"((?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*]))");
  line.replace(image, "\\1");
  line.replace(link, "\\1");
  line.replace(reference_link, "\\1");
  line.replace(autolink, "\\1");
  line.replace(code, "\\1");
  line.replace(strong, "\\2");
  line.replace(emphasis, "\\2");
  return line;
}

#ifdef MEDLORA_WITH_POPPLER
std::string utf8_of(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Poppler reports problems through one process-wide callback (to stderr by default). The
// messages of the current thread's load are kept to explain a failure instead.
thread_local std::string poppler_messages;

void collect_poppler_message(const std::string& message, void*) {
  if (poppler_messages.size() < 500) poppler_messages += (poppler_messages.empty() ? "" : "; ") + message;
}

// Page text keeps poppler's line breaks; pages are separated by a blank line (a paragraph
// boundary for the chunker). Form feeds poppler may emit are dropped.
DocumentText read_pdf(const std::string& path) {
  static const bool quiet = (poppler::set_debug_error_function(collect_poppler_message, nullptr), true);
  (void)quiet;
  poppler_messages.clear();
  std::unique_ptr<poppler::document> document(poppler::document::load_from_file(path));
  if (!document) {
    throw std::runtime_error("cannot read " + path + ": not a PDF file, or a damaged one" +
                             (poppler_messages.empty() ? "" : " (" + poppler_messages + ")"));
  }
  if (document->is_locked()) throw std::runtime_error("cannot read " + path + ": the PDF is password-protected");
  DocumentText result;
  result.format = DocumentFormat::Pdf;
  for (int i = 0; i < document->pages(); ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) continue;
    std::string text = utf8_of(page->text(poppler::rectf(), poppler::page::physical_layout));
    text.erase(std::remove(text.begin(), text.end(), '\f'), text.end());
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
    if (text.empty()) continue;
    if (!result.text.empty()) result.text += "\n\n";
    result.text += text;
  }
  if (result.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw std::runtime_error("cannot import " + path +
                             ": the PDF has no text layer (a scan?); run OCR on it first");
  }
  result.title = utf8_of(document->info_key("Title"));
  if (result.title.find_first_not_of(" \t") == std::string::npos) result.title = base_name(path);
  return result;
}
#endif

}  // namespace

DocumentFormat document_format_for_path(const std::string& path) {
  const std::string ext = lower_extension(path);
  if (ext == ".txt" || ext == ".text") return DocumentFormat::PlainText;
  if (ext == ".md" || ext == ".markdown") return DocumentFormat::Markdown;
  if (ext == ".pdf") return DocumentFormat::Pdf;
  throw std::invalid_argument("cannot import '" + path + "': supported documents are .txt, .md and .pdf");
}

bool pdf_supported() {
#ifdef MEDLORA_WITH_POPPLER
  return true;
#else
  return false;
#endif
}

std::string markdown_to_text(std::string_view markdown) {
  static const QRegularExpression heading(R"(^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$)");
  static const QRegularExpression rule(R"(^\s{0,3}([-*_=])(\s*\1){2,}\s*$)");
  static const QRegularExpression fence(R"(^\s{0,3}(```|~~~))");
  static const QRegularExpression quote(R"(^\s{0,3}(>\s?)+)");
  static const QRegularExpression bullet(R"(^(\s*)([-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?)");
  static const QRegularExpression table_separator(R"(^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$)");
  static const QRegularExpression reference_definition(R"(^\s{0,3}\[[^\]]+\]:\s+\S+.*$)");

  const QStringList lines = QString::fromUtf8(markdown.data(), static_cast<qsizetype>(markdown.size()))
                                .split('\n');
  QStringList out;
  bool in_fence = false;
  for (QString line : lines) {
    if (line.endsWith('\r')) line.chop(1);
    if (fence.match(line).hasMatch()) {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) {  // code keeps its text as is
      out << line;
      continue;
    }
    if (rule.match(line).hasMatch() || table_separator.match(line).hasMatch() ||
        reference_definition.match(line).hasMatch()) {
      continue;
    }
    const QRegularExpressionMatch h = heading.match(line);
    if (h.hasMatch()) {
      out << strip_inline(h.captured(1));
      out << QString();  // a heading ends a paragraph
      continue;
    }
    line.remove(quote);
    line.replace(bullet, "\\1");
    if (line.trimmed().startsWith('|')) {  // a table row: its cells, separated by two spaces
      line = line.trimmed();
      line.remove(0, 1);
      if (line.endsWith('|')) line.chop(1);
      QStringList cells = line.split('|');
      for (QString& cell : cells) cell = cell.trimmed();
      line = cells.join("  ");
    }
    out << strip_inline(line);
  }
  std::string text = data::strip_html(out.join('\n').toStdString());
  // Collapse runs of blank lines the removed syntax left behind.
  std::string collapsed;
  size_t newlines = 0;
  for (char c : text) {
    newlines = c == '\n' ? newlines + 1 : 0;
    if (newlines <= 2) collapsed += c;
  }
  const size_t first = collapsed.find_first_not_of(" \t\n");
  const size_t last = collapsed.find_last_not_of(" \t\n");
  return first == std::string::npos ? std::string() : collapsed.substr(first, last - first + 1);
}

DocumentText read_document(const std::string& path) {
  const DocumentFormat format = document_format_for_path(path);
  if (format == DocumentFormat::Pdf) {
#ifdef MEDLORA_WITH_POPPLER
    return read_pdf(path);
#else
    throw std::runtime_error("this build cannot read PDF (it was built without poppler-cpp): " + path +
                             "; convert it to text first, or install libpoppler-cpp-dev and rebuild");
#endif
  }
  const std::string bytes = rules_file::read(path);
  DocumentText result;
  result.format = format;
  try {
    result.text = data::decode_to_utf8(bytes, data::TextEncoding::Auto);
  } catch (const std::exception& error) {
    throw std::runtime_error("cannot read " + path + ": " + error.what());
  }
  if (format == DocumentFormat::Markdown) {
    static const QRegularExpression first_heading(R"((?:^|\n)\s{0,3}#{1,6}\s+([^\n]*?)\s*#*\s*(?:\n|$))");
    const QRegularExpressionMatch h = first_heading.match(QString::fromStdString(result.text));
    if (h.hasMatch()) result.title = strip_inline(h.captured(1)).trimmed().toStdString();
    result.text = markdown_to_text(result.text);
  }
  if (result.title.empty()) result.title = base_name(path);
  return result;
}

}  // namespace medlora::chat
