#pragma once
// Reads a document for the knowledge base and returns its plain text: .txt (UTF-8 or GB18030),
// .md/.markdown (Markdown syntax stripped lightly: headings' #, emphasis, code fences, link
// targets, images, table bars, list bullets; the words stay), .pdf (text of every page, through
// poppler-cpp when this build has it: MEDLORA_WITH_POPPLER).
#include <string>
#include <string_view>

namespace medlora::chat {

enum class DocumentFormat { PlainText, Markdown, Pdf };

struct DocumentText {
  std::string title;  // Markdown: the first heading; PDF: its Title info; else the file's base name
  std::string text;   // UTF-8, paragraphs separated by blank lines
  DocumentFormat format = DocumentFormat::PlainText;
};

// By extension (case-insensitive): .txt/.text -> PlainText, .md/.markdown -> Markdown,
// .pdf -> Pdf. Throws std::invalid_argument "cannot import 'x.docx': supported documents are
// .txt, .md and .pdf" otherwise.
DocumentFormat document_format_for_path(const std::string& path);

// Throws std::runtime_error naming the file when it cannot be read, is not valid text, is a PDF
// this build cannot read ("this build cannot read PDF (it was built without poppler-cpp): ...")
// or a PDF without any text (a scan).
DocumentText read_document(const std::string& path);

// Markdown -> plain text (see above).
std::string markdown_to_text(std::string_view markdown);

// True when this build reads PDF files.
bool pdf_supported();

}  // namespace medlora::chat
