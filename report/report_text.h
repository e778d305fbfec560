#pragma once
// Every word an evaluation report prints, in English and Chinese, looked up by a string id, and
// the number formats the report uses (so that tests and other views can format a value exactly
// as the report shows it).
#include <QString>

#include <string>
#include <string_view>

namespace medlora::report {

enum class Language { English, Chinese };

// "en" or "zh" (also "zh_CN", "zh-CN"); throws std::invalid_argument for anything else.
Language parse_language(std::string_view code);
std::string language_code(Language language);  // "en" | "zh"

// The text for `id` (see report_text.cpp for the ids). Throws std::out_of_range for an unknown
// id: a missing string is a programming error, never shown as an empty cell.
QString text(Language language, std::string_view id);

// The four study axes get their report names (e.g. "accuracy" -> "Medical accuracy" or
// "医学事实正确性"); any other axis (a CSV's own) is shown as it is.
QString axis_label(Language language, const std::string& axis);
// 0 none, 1 minor, 2 moderate, 3 severe; other values as the number.
QString severity_label(Language language, int severity);

// The sign the report prints for an undefined value (NaN).
QString undefined_value();
// `value` with `decimals` digits after the point; NaN and infinities as undefined_value().
QString format_number(double value, int decimals);
// Like format_number but always with a sign ("+0.25", "-0.10", "0.00").
QString format_signed(double value, int decimals);
// A p-value: "< 0.001" below 0.001, else three decimals.
QString format_p_value(double p);
// "[low, high]" with `decimals` digits; undefined_value() when either end is undefined.
QString format_interval(double low, double high, int decimals);

// Decimals the report uses: means, medians and CIs; agreement coefficients (alpha, ICC, kappa).
inline constexpr int kScoreDecimals = 2;
inline constexpr int kAgreementDecimals = 3;

}  // namespace medlora::report
