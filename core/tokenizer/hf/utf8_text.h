#pragma once
// Rust's char predicates (through ICU), which HF's pre-tokenizers, normalizers and added
// tokens use. Walking, checking and encoding UTF-8 (String::from_utf8_lossy too) is in
// core/io/utf8.h.

namespace medlora::tokenizer::hf {

bool is_rust_whitespace(char32_t c);    // White_Space
bool is_rust_numeric(char32_t c);       // Nd, Nl, No
bool is_rust_alphanumeric(char32_t c);  // Alphabetic or numeric
bool is_hf_punctuation(char32_t c);     // ASCII punctuation or general category P*

}  // namespace medlora::tokenizer::hf
