#include "core/data/text_encoding.h"

#include <QByteArray>
#include <QString>
#include <QStringDecoder>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "core/io/utf8.h"

namespace medlora::data {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string decode_gb18030(std::string_view bytes) {
  QStringDecoder decoder("GB18030", QStringDecoder::Flag::Stateless);
  if (!decoder.isValid()) {
    throw std::runtime_error("this Qt has no GB18030 codec (Qt must be built with ICU); convert the file to UTF-8");
  }
  const QString text = decoder.decode(QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size())));
  if (decoder.hasError()) {
    throw std::runtime_error("the text is neither valid UTF-8 nor valid GB18030/GBK; convert it to UTF-8");
  }
  const QByteArray utf8 = text.toUtf8();
  return std::string(utf8.constData(), static_cast<size_t>(utf8.size()));
}

}  // namespace

TextEncoding parse_text_encoding(const std::string& name) {
  const std::string n = lowercase(name);
  if (n == "auto") return TextEncoding::Auto;
  if (n == "utf-8" || n == "utf8") return TextEncoding::Utf8;
  if (n == "gb18030" || n == "gbk" || n == "gb2312") return TextEncoding::Gb18030;
  throw std::invalid_argument("unknown text encoding '" + name + "' (auto, utf-8, gb18030 or gbk)");
}

const char* text_encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::Auto: return "auto";
    case TextEncoding::Utf8: return "utf-8";
    case TextEncoding::Gb18030: return "gb18030";
  }
  return "auto";
}

bool is_valid_utf8(std::string_view bytes) { return io::utf8::find_invalid(bytes) == std::string_view::npos; }

std::string decode_to_utf8(std::string_view bytes, TextEncoding encoding, TextEncoding* detected) {
  const bool has_bom = bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom;
  if (has_bom && encoding != TextEncoding::Gb18030) bytes.remove_prefix(kUtf8Bom.size());

  if (encoding == TextEncoding::Utf8 || encoding == TextEncoding::Auto) {
    const size_t bad = io::utf8::find_invalid(bytes);
    if (bad == std::string_view::npos) {
      if (detected) *detected = TextEncoding::Utf8;
      return std::string(bytes);
    }
    // A BOM promises UTF-8: a bad byte after one is damage, not another encoding.
    if (encoding == TextEncoding::Utf8 || has_bom) {
      throw std::runtime_error("not valid UTF-8 at byte " + std::to_string(bad + (has_bom ? kUtf8Bom.size() : 0)) +
                               " (if the file is Chinese GBK/GB18030, choose that encoding)");
    }
  }
  if (detected) *detected = TextEncoding::Gb18030;
  return decode_gb18030(bytes);
}

}  // namespace medlora::data
