#pragma once
// A JSON parser tuned for dataset records: it builds the same io::json::Value tree as
// io/json_lite, but sizes each string once and copies runs of plain text in bulk, which makes
// importing 100,000 long records several times cheaper. It expects text already checked to be
// UTF-8 (the importer validates whole files once) and, unlike json_lite, accepts repeated keys
// (the first one is the one the field binding sees). Errors throw io::json::JsonError with the
// byte offset into `text`.
#include <string_view>

#include "core/io/json_lite.h"

namespace medlora::data {

// Parses one JSON value followed only by whitespace.
medlora::io::json::Value parse_json_record(std::string_view text);

}  // namespace medlora::data
