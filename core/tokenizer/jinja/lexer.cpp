#include "core/tokenizer/jinja/lexer.h"

#include <algorithm>
#include <cstring>

#include "core/io/utf8.h"
#include "core/tokenizer/jinja/template_error.h"

namespace medlora::tokenizer::jinja {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string rstrip_space(std::string s) {
  while (!s.empty() && is_space(s.back())) s.pop_back();
  return s;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

const char* const kOperators[] = {"//", "**", "==", "!=", ">=", "<=", "+", "-", "/", "*", "%", "~", "[", "]",
                                  "(",  ")",  "{",  "}",  ".",  ":",  ",", "|", "=", "<", ">", ";"};

}  // namespace

std::string decode_string_literal(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      continue;
    }
    const char e = body[i + 1];
    auto hex_escape = [&](size_t digits) {
      if (i + 2 + digits > body.size()) return false;
      uint32_t cp = 0;
      for (size_t k = 0; k < digits; ++k) {
        const int h = hex_value(body[i + 2 + k]);
        if (h < 0) return false;
        cp = cp * 16 + static_cast<uint32_t>(h);
      }
      io::utf8::append(out, cp);
      i += 1 + digits;
      return true;
    };
    switch (e) {
      case '\\': out += '\\'; ++i; break;
      case '\'': out += '\''; ++i; break;
      case '"': out += '"'; ++i; break;
      case 'a': out += '\a'; ++i; break;
      case 'b': out += '\b'; ++i; break;
      case 'f': out += '\f'; ++i; break;
      case 'n': out += '\n'; ++i; break;
      case 'r': out += '\r'; ++i; break;
      case 't': out += '\t'; ++i; break;
      case 'v': out += '\v'; ++i; break;
      case '\n': ++i; break;
      case 'x':
        if (!hex_escape(2)) throw TemplateError(0, "bad \\x escape in a string literal");
        break;
      case 'u':
        if (!hex_escape(4)) throw TemplateError(0, "bad \\u escape in a string literal");
        break;
      case 'U':
        if (!hex_escape(8)) throw TemplateError(0, "bad \\U escape in a string literal");
        break;
      default:
        if (e >= '0' && e <= '7') {
          uint32_t cp = 0;
          size_t k = 0;
          while (k < 3 && i + 1 + k < body.size() && body[i + 1 + k] >= '0' && body[i + 1 + k] <= '7') {
            cp = cp * 8 + static_cast<uint32_t>(body[i + 1 + k] - '0');
            ++k;
          }
          io::utf8::append(out, cp);
          i += k;
        } else {
          out += '\\';  // unknown escapes stay as written
        }
    }
  }
  return out;
}

Lexer::Lexer(std::string_view source) {
  source_.reserve(source.size());
  for (size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\r') {
      source_ += '\n';
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    } else {
      source_ += source[i];
    }
  }
  if (!source_.empty() && source_.back() == '\n') source_.pop_back();  // keep_trailing_newline=False
  line_starts_.push_back(0);
  for (size_t i = 0; i < source_.size(); ++i)
    if (source_[i] == '\n') line_starts_.push_back(i + 1);
}

int Lexer::line_at(size_t pos) const {
  return static_cast<int>(std::upper_bound(line_starts_.begin(), line_starts_.end(), pos) - line_starts_.begin());
}

void Lexer::fail(const std::string& message) const { throw TemplateError(line_at(pos_), message); }

void Lexer::emit_data(std::string text, int line) {
  if (text.empty()) return;
  if (!tokens_.empty() && tokens_.back().type == Token::Type::data) {
    tokens_.back().value += text;
    return;
  }
  tokens_.push_back({Token::Type::data, std::move(text), line});
}

std::vector<Token> Lexer::tokenize() {
  lex_root();
  tokens_.push_back({Token::Type::eof, "", line_at(source_.size())});
  return std::move(tokens_);
}

void Lexer::lex_root() {
  bool line_starting = true;
  while (pos_ < source_.size()) {
    size_t tag = pos_;
    while (true) {
      tag = source_.find('{', tag);
      if (tag == std::string::npos || tag + 1 >= source_.size()) {
        tag = std::string::npos;
        break;
      }
      const char n = source_[tag + 1];
      if (n == '{' || n == '%' || n == '#') break;
      ++tag;
    }
    if (tag == std::string::npos) {
      emit_data(source_.substr(pos_), line_at(pos_));
      pos_ = source_.size();
      return;
    }
    const char kind = source_[tag + 1];
    const char sign = tag + 2 < source_.size() ? source_[tag + 2] : '\0';
    std::string text = source_.substr(pos_, tag - pos_);
    const int text_line = line_at(pos_);
    if (sign == '-') {
      text = rstrip_space(std::move(text));
    } else if (sign != '+' && kind != '{') {
      const size_t l_pos = text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1;
      if (l_pos > 0 || line_starting) {
        if (text.find_first_not_of(" \t", l_pos) == std::string::npos) text.resize(l_pos);
      }
    }
    emit_data(std::move(text), text_line);
    pos_ = tag + 2 + ((sign == '-' || sign == '+') ? 1 : 0);
    if (kind == '#') {
      lex_comment(line_starting);
    } else if (kind == '%') {
      if (!lex_raw(line_starting)) lex_tag(false, line_starting);
    } else {
      lex_tag(true, line_starting);
    }
  }
}

void Lexer::lex_comment(bool& line_starting) {
  const size_t end = source_.find("#}", pos_);
  if (end == std::string::npos) fail("missing end of comment tag \"#}\"");
  const char before = end > pos_ ? source_[end - 1] : '\0';
  pos_ = end + 2;
  if (before == '-') {
    while (pos_ < source_.size() && is_space(source_[pos_])) ++pos_;
  } else if (before != '+' && pos_ < source_.size() && source_[pos_] == '\n') {
    ++pos_;
  }
  line_starting = source_[pos_ - 1] == '\n';
}

bool Lexer::lex_raw(bool& line_starting) {
  // `{%` [-+] \s* raw \s* (-%}\s* | %})
  size_t p = pos_;
  while (p < source_.size() && is_space(source_[p])) ++p;
  if (source_.compare(p, 3, "raw") != 0 || (p + 3 < source_.size() && (is_name_start(source_[p + 3]) || is_digit(source_[p + 3]))))
    return false;
  p += 3;
  while (p < source_.size() && is_space(source_[p])) ++p;
  if (source_.compare(p, 3, "-%}") == 0) {
    p += 3;
    while (p < source_.size() && is_space(source_[p])) ++p;
  } else if (source_.compare(p, 2, "%}") == 0) {
    p += 2;
  } else {
    return false;
  }
  const int line = line_at(p);
  // Find `{%` [-+] \s* endraw \s* (+%} | -%}\s* | %}\n?)
  size_t search = p;
  while (true) {
    const size_t start = source_.find("{%", search);
    if (start == std::string::npos) {
      pos_ = p;
      fail("missing end of raw directive (\"{% endraw %}\")");
    }
    size_t q = start + 2;
    const char sign = q < source_.size() ? source_[q] : '\0';
    if (sign == '-' || sign == '+') ++q;
    while (q < source_.size() && is_space(source_[q])) ++q;
    if (source_.compare(q, 6, "endraw") != 0) {
      search = start + 2;
      continue;
    }
    q += 6;
    while (q < source_.size() && is_space(source_[q])) ++q;
    size_t after;
    if (source_.compare(q, 3, "+%}") == 0) {
      after = q + 3;
    } else if (source_.compare(q, 3, "-%}") == 0) {
      after = q + 3;
      while (after < source_.size() && is_space(source_[after])) ++after;
    } else if (source_.compare(q, 2, "%}") == 0) {
      after = q + 2;
      if (after < source_.size() && source_[after] == '\n') ++after;
    } else {
      search = start + 2;
      continue;
    }
    std::string text = source_.substr(p, start - p);
    if (sign == '-') {
      text = rstrip_space(std::move(text));
    } else if (sign != '+') {
      const size_t l_pos = text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1;
      if (l_pos > 0 || line_starting)
        if (text.find_first_not_of(" \t", l_pos) == std::string::npos) text.resize(l_pos);
    }
    emit_data(std::move(text), line);
    pos_ = after;
    line_starting = source_[pos_ - 1] == '\n';
    return true;
  }
}

void Lexer::lex_tag(bool variable, bool& line_starting) {
  const int begin_line = line_at(pos_);
  tokens_.push_back({variable ? Token::Type::variable_begin : Token::Type::block_begin, "", begin_line});
  int depth = 0;
  while (true) {
    while (pos_ < source_.size() && is_space(source_[pos_])) ++pos_;
    if (pos_ >= source_.size()) fail(variable ? "missing end of print tag \"}}\"" : "missing end of block tag \"%}\"");
    const int line = line_at(pos_);
    if (depth == 0) {
      if (variable) {
        if (source_.compare(pos_, 3, "-}}") == 0) {
          pos_ += 3;
          while (pos_ < source_.size() && is_space(source_[pos_])) ++pos_;
          break;
        }
        if (source_.compare(pos_, 2, "}}") == 0) {
          pos_ += 2;
          break;
        }
      } else {
        if (source_.compare(pos_, 3, "+%}") == 0) {
          pos_ += 3;
          break;
        }
        if (source_.compare(pos_, 3, "-%}") == 0) {
          pos_ += 3;
          while (pos_ < source_.size() && is_space(source_[pos_])) ++pos_;
          break;
        }
        if (source_.compare(pos_, 2, "%}") == 0) {
          pos_ += 2;
          if (pos_ < source_.size() && source_[pos_] == '\n') ++pos_;
          break;
        }
      }
    }
    const char c = source_[pos_];
    if (is_name_start(c)) {
      size_t e = pos_ + 1;
      while (e < source_.size() && (is_name_start(source_[e]) || is_digit(source_[e]))) ++e;
      tokens_.push_back({Token::Type::name, source_.substr(pos_, e - pos_), line});
      pos_ = e;
    } else if (is_digit(c)) {
      size_t e = pos_;
      auto digits = [&] {
        while (e < source_.size() && (is_digit(source_[e]) || (source_[e] == '_' && e + 1 < source_.size() && is_digit(source_[e + 1])))) ++e;
      };
      digits();
      bool is_float = false;
      if (e + 1 < source_.size() && source_[e] == '.' && is_digit(source_[e + 1])) {
        ++e;
        digits();
        is_float = true;
      }
      if (e < source_.size() && (source_[e] == 'e' || source_[e] == 'E')) {
        size_t f = e + 1;
        if (f < source_.size() && (source_[f] == '+' || source_[f] == '-')) ++f;
        if (f < source_.size() && is_digit(source_[f])) {
          e = f;
          digits();
          is_float = true;
        }
      }
      std::string text = source_.substr(pos_, e - pos_);
      text.erase(std::remove(text.begin(), text.end(), '_'), text.end());
      tokens_.push_back({is_float ? Token::Type::floating : Token::Type::integer, text, line});
      pos_ = e;
    } else if (c == '\'' || c == '"') {
      size_t e = pos_ + 1;
      while (e < source_.size() && source_[e] != c) {
        if (source_[e] == '\\') ++e;
        ++e;
      }
      if (e >= source_.size()) fail("unterminated string literal");
      try {
        tokens_.push_back({Token::Type::string, decode_string_literal(std::string_view(source_).substr(pos_ + 1, e - pos_ - 1)), line});
      } catch (const TemplateError& error) {
        throw TemplateError(line, error.detail());
      }
      pos_ = e + 1;
    } else {
      const char* matched = nullptr;
      for (const char* op : kOperators) {
        if (source_.compare(pos_, std::strlen(op), op) == 0) {
          matched = op;
          break;
        }
      }
      if (!matched) fail(std::string("unexpected character '") + c + "' inside a tag");
      const std::string op = matched;
      if (op == "(" || op == "[" || op == "{") ++depth;
      if ((op == ")" || op == "]" || op == "}") && depth > 0) --depth;
      tokens_.push_back({Token::Type::op, op, line});
      pos_ += op.size();
    }
  }
  tokens_.push_back({variable ? Token::Type::variable_end : Token::Type::block_end, "", line_at(pos_ - 1)});
  line_starting = source_[pos_ - 1] == '\n';
}

}  // namespace medlora::tokenizer::jinja
