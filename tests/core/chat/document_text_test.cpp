#include "core/chat/document_text.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace medlora::chat {
namespace {

void write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A two-page PDF with Helvetica text and a Title, written by hand with a correct xref table.
std::string two_page_pdf() {
  const auto page_stream = [](const std::string& line1, const std::string& line2) {
    return "BT /F1 12 Tf 72 720 Td (" + line1 + ") Tj 0 -20 Td (" + line2 + ") Tj ET";
  };
  const std::string s1 = page_stream("Hypertension guideline", "Reduce salt to under 5 g a day.");
  const std::string s2 = page_stream("Diabetes care", "Check blood glucose regularly.");
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 7 0 R >> >> "
      "/Contents 4 0 R >>",
      "<< /Length " + std::to_string(s1.size()) + " >>\nstream\n" + s1 + "\nendstream",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 7 0 R >> >> "
      "/Contents 6 0 R >>",
      "<< /Length " + std::to_string(s2.size()) + " >>\nstream\n" + s2 + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Title (Clinic Handbook) >>",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    std::string number = std::to_string(offset);
    pdf += std::string(10 - number.size(), '0') + number + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info 8 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

class DocumentTextTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(dir_.isValid()); }
  std::string file(const std::string& name) const { return dir_.filePath(QString::fromStdString(name)).toStdString(); }
  QTemporaryDir dir_;
};

TEST_F(DocumentTextTest, FormatsByExtension) {
  EXPECT_EQ(document_format_for_path("a/B.TXT"), DocumentFormat::PlainText);
  EXPECT_EQ(document_format_for_path("notes.md"), DocumentFormat::Markdown);
  EXPECT_EQ(document_format_for_path("x.markdown"), DocumentFormat::Markdown);
  EXPECT_EQ(document_format_for_path("guide.Pdf"), DocumentFormat::Pdf);
  EXPECT_THROW(document_format_for_path("report.docx"), std::invalid_argument);
}

TEST_F(DocumentTextTest, PlainTextUtf8AndGb18030) {
  write(file("高血压.txt"), "\xEF\xBB\xBF高血压患者应低盐饮食。\n");
  const DocumentText utf8 = read_document(file("高血压.txt"));
  EXPECT_EQ(utf8.title, "高血压");
  EXPECT_EQ(utf8.text, "高血压患者应低盐饮食。\n");
  EXPECT_EQ(utf8.format, DocumentFormat::PlainText);

  write(file("gbk.txt"), "\xB8\xDF\xD1\xAA\xD1\xB9");  // 高血压 in GBK
  EXPECT_EQ(read_document(file("gbk.txt")).text, "高血压");
  EXPECT_THROW(read_document(file("missing.txt")), std::runtime_error);
}

TEST_F(DocumentTextTest, MarkdownSyntaxIsStrippedLightly) {
  const std::string markdown =
      "# 糖尿病 *饮食* 指南\n\n"
      "Some **bold** and _emphasis_ text with a [link](http://example.com) and ![a figure](f.png).\n\n"
      "- first item\n"
      "2. second item with `code`\n"
      "> quoted advice\n\n"
      "| Food | Amount |\n|------|--------|\n| rice | 100 g |\n\n"
      "```\nint snake_case = 1;\n```\n"
      "---\n"
      "Keep snake_case and 3*4 as they are. <b>Bold</b> HTML goes.\n";
  write(file("guide.md"), markdown);
  const DocumentText document = read_document(file("guide.md"));
  EXPECT_EQ(document.title, "糖尿病 饮食 指南");
  EXPECT_EQ(document.format, DocumentFormat::Markdown);
  EXPECT_EQ(document.text,
            "糖尿病 饮食 指南\n\n"
            "Some bold and emphasis text with a link and a figure.\n\n"
            "first item\n"
            "second item with code\n"
            "quoted advice\n\n"
            "Food  Amount\nrice  100 g\n\n"
            "int snake_case = 1;\n"
            "Keep snake_case and 3*4 as they are. Bold HTML goes.");
}

TEST_F(DocumentTextTest, PdfTextOfEveryPage) {
  write(file("handbook.pdf"), two_page_pdf());
  if (!pdf_supported()) {
    try {
      read_document(file("handbook.pdf"));
      FAIL() << "a build without poppler must refuse PDF";
    } catch (const std::runtime_error& error) {
      EXPECT_NE(std::string(error.what()).find("this build cannot read PDF"), std::string::npos);
    }
    return;
  }
  const DocumentText document = read_document(file("handbook.pdf"));
  EXPECT_EQ(document.format, DocumentFormat::Pdf);
  EXPECT_EQ(document.title, "Clinic Handbook");
  const size_t first = document.text.find("Reduce salt to under 5 g a day.");
  const size_t second = document.text.find("Check blood glucose regularly.");
  ASSERT_NE(first, std::string::npos) << document.text;
  ASSERT_NE(second, std::string::npos) << document.text;
  EXPECT_NE(document.text.find("\n\n", first), std::string::npos);  // pages are paragraphs
  EXPECT_LT(first, second);

  write(file("broken.pdf"), "this is not a PDF");
  try {
    read_document(file("broken.pdf"));
    FAIL() << "a broken PDF must be refused";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("broken.pdf: not a PDF file, or a damaged one"), std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace medlora::chat
