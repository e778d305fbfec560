#pragma once
// Splits a Jinja2 template into tokens with Jinja2's whitespace rules as HF configures them
// (trim_blocks and lstrip_blocks on, keep_trailing_newline off): literal text, `{{ }}` and
// `{% %}` delimiters, and the names, literals and operators inside them. Comments are dropped,
// `{% raw %}` becomes literal text.
#include <string>
#include <string_view>
#include <vector>

namespace medlora::tokenizer::jinja {

struct Token {
  enum class Type { data, variable_begin, variable_end, block_begin, block_end, name, string, integer, floating, op, eof };
  Type type = Type::eof;
  std::string value;  // text, name, decoded string, number digits or operator
  int line = 1;
};

class Lexer {
 public:
  explicit Lexer(std::string_view source);
  std::vector<Token> tokenize();

 private:
  void lex_root();
  void lex_comment(bool& line_starting);
  void lex_tag(bool variable, bool& line_starting);
  bool lex_raw(bool& line_starting);
  void emit_data(std::string text, int line);
  [[noreturn]] void fail(const std::string& message) const;
  int line_at(size_t pos) const;

  std::string source_;
  size_t pos_ = 0;
  std::vector<size_t> line_starts_;
  std::vector<Token> tokens_;
};

// Decodes a Jinja2 string literal body as Python's unicode-escape does (\n, \t, \xhh,
// \uXXXX, unknown escapes kept as written).
std::string decode_string_literal(std::string_view body);

}  // namespace medlora::tokenizer::jinja
