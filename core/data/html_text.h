#pragma once
// Turns HTML-bearing text into plain text for the cleaning rules (see text_cleaning.h).
#include <string>
#include <string_view>

namespace medlora::data {

// Removes tags of known HTML elements, comments, <script>/<style> bodies and doctype; block
// elements (p, br, div, li, tr, h1..h6, ...) become '\n'; CDATA keeps its content; named
// (common ones) and numeric character references are decoded. Unknown "<words>" and a bare
// '<' (as in "<140/90") are text and stay.
std::string strip_html(std::string_view text);

// Decodes "&amp;", "&#233;", "&#x4E2D;" and the common named references; unknown ones stay.
std::string decode_html_entities(std::string_view text);

}  // namespace medlora::data
