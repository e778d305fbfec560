#include "core/io/safetensors_header.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

#include "core/io/json_lite.h"
#include "core/io/safetensors_error.h"

namespace medlora::io {
namespace {

static_assert(std::endian::native == std::endian::little,
              "safetensors is little-endian; this reader assumes a little-endian host");

uint64_t read_u64_le(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

std::string describe_offset(uint64_t v) { return std::to_string(v); }

TensorEntry parse_entry(const std::string& name, const json::Value& value, const std::string& file) {
  auto error = [&](const std::string& problem) { return SafetensorsError(file, name, problem); };
  if (name.empty()) throw SafetensorsError(file, "", "a tensor has an empty name");
  if (!value.is_object())
    throw error(std::string("entry must be a JSON object, found ") + json::kind_name(value.kind));

  TensorEntry entry;
  entry.name = name;

  const json::Value* dtype = value.find("dtype");
  if (dtype == nullptr) throw error("missing \"dtype\"");
  if (!dtype->is_string())
    throw error(std::string("\"dtype\" must be a string, found ") + json::kind_name(dtype->kind));
  const auto parsed = parse_dtype(dtype->text);
  if (!parsed)
    throw error("unknown or unsupported dtype \"" + dtype->text + "\" (supported: " +
                supported_dtypes_list() + ")");
  entry.dtype = *parsed;

  const json::Value* shape = value.find("shape");
  if (shape == nullptr) throw error("missing \"shape\"");
  if (!shape->is_array())
    throw error(std::string("\"shape\" must be an array, found ") + json::kind_name(shape->kind));
  uint64_t numel = 1;
  bool overflow = false;
  bool has_zero = false;
  for (const auto& dim : shape->array) {
    const auto d = dim.as_u64();
    if (!d || *d > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
      throw error("shape values must be non-negative integers, found " +
                  (dim.is_number() ? dim.text : std::string(json::kind_name(dim.kind))));
    entry.shape.push_back(static_cast<int64_t>(*d));
    if (*d == 0) has_zero = true;
    if (*d != 0 && numel > std::numeric_limits<uint64_t>::max() / *d) overflow = true;
    numel *= *d;
  }
  if (has_zero) {  // a zero dimension makes the tensor empty whatever the other dimensions are
    overflow = false;
    numel = 0;
  }

  const json::Value* offsets = value.find("data_offsets");
  if (offsets == nullptr) throw error("missing \"data_offsets\"");
  if (!offsets->is_array() || offsets->array.size() != 2)
    throw error("\"data_offsets\" must be an array [begin, end] of two integers");
  const auto begin = offsets->array[0].as_u64();
  const auto end = offsets->array[1].as_u64();
  if (!begin || !end) throw error("\"data_offsets\" must hold two non-negative integers");
  if (*begin > *end)
    throw error("data_offsets begin " + describe_offset(*begin) + " is after end " +
                describe_offset(*end));
  entry.begin = *begin;
  entry.end = *end;

  const uint64_t elem = element_size(entry.dtype);
  if (overflow || numel > std::numeric_limits<uint64_t>::max() / elem ||
      numel > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
    throw error("shape is too large (element count overflows)");
  const uint64_t expected = numel * elem;
  if (expected != entry.byte_size())
    throw error("shape × dtype size is " + std::to_string(expected) + " bytes (" +
                std::to_string(numel) + " × " + to_string(entry.dtype) + ") but data_offsets span " +
                std::to_string(entry.byte_size()) + " bytes");
  return entry;
}

}  // namespace

int64_t TensorEntry::numel() const {
  // Checked first: with a zero dimension the other dimensions may multiply past int64.
  for (int64_t d : shape)
    if (d == 0) return 0;
  int64_t n = 1;
  for (int64_t d : shape) n *= d;
  return n;
}

const TensorEntry* SafetensorsHeader::find(std::string_view name) const {
  auto it = std::lower_bound(tensors.begin(), tensors.end(), name,
                             [](const TensorEntry& e, std::string_view n) { return e.name < n; });
  if (it == tensors.end() || it->name != name) return nullptr;
  return &*it;
}

SafetensorsHeader parse_safetensors_header(const uint8_t* file_bytes, size_t file_size,
                                           const std::string& file_name) {
  auto file_error = [&](const std::string& problem) { return SafetensorsError(file_name, "", problem); };
  if (file_size < 8 || file_bytes == nullptr)
    throw file_error("file is truncated: " + std::to_string(file_size) +
                     " bytes, fewer than the 8-byte header length (not a safetensors file?)");
  const uint64_t header_len = read_u64_le(file_bytes);
  if (header_len > kMaxSafetensorsHeaderBytes)
    throw file_error("header length " + std::to_string(header_len) + " bytes exceeds the " +
                     std::to_string(kMaxSafetensorsHeaderBytes) +
                     "-byte limit (corrupt file or not a safetensors file)");
  if (header_len > file_size - 8)
    throw file_error("header length " + std::to_string(header_len) + " bytes goes beyond the end of the " +
                     std::to_string(file_size) + "-byte file (file truncated?)");
  if (header_len < 2) throw file_error("header is empty (" + std::to_string(header_len) + " bytes)");

  const std::string_view text(reinterpret_cast<const char*>(file_bytes + 8), header_len);
  if (text.front() != '{')
    throw file_error("header does not start with '{' (not a safetensors file?)");
  json::Value root;
  try {
    root = json::parse(text);
  } catch (const json::JsonError& e) {
    if (e.depth() == 1 && !e.duplicate_key().empty())
      throw SafetensorsError(file_name, e.duplicate_key(),
                             "name appears more than once in the header (duplicate tensor name)");
    throw file_error(std::string("header is not valid JSON: ") + e.what());
  }
  if (!root.is_object())
    throw file_error(std::string("header must be a JSON object, found ") + json::kind_name(root.kind));

  SafetensorsHeader header;
  header.data_offset = 8 + header_len;
  header.data_size = file_size - header.data_offset;
  for (const auto& [key, value] : root.object) {
    if (key == "__metadata__") {
      if (value.kind == json::Value::Kind::Null) continue;
      if (!value.is_object())
        throw file_error(std::string("\"__metadata__\" must be an object of strings, found ") +
                         json::kind_name(value.kind));
      for (const auto& [mk, mv] : value.object) {
        if (!mv.is_string())
          throw file_error("\"__metadata__\" value for \"" + mk + "\" must be a string, found " +
                           json::kind_name(mv.kind));
        header.metadata.emplace(mk, mv.text);
      }
      continue;
    }
    header.tensors.push_back(parse_entry(key, value, file_name));
  }

  for (const auto& e : header.tensors)
    if (e.end > header.data_size)
      throw SafetensorsError(file_name, e.name,
                             "data_offsets [" + std::to_string(e.begin) + ", " + std::to_string(e.end) +
                                 "] fall outside the " + std::to_string(header.data_size) +
                                 "-byte data region (file truncated?)");

  // Overlap check on byte ranges; empty tensors occupy nothing and cannot overlap.
  std::vector<const TensorEntry*> by_offset;
  for (const auto& e : header.tensors)
    if (e.byte_size() > 0) by_offset.push_back(&e);
  std::sort(by_offset.begin(), by_offset.end(), [](const TensorEntry* a, const TensorEntry* b) {
    return a->begin != b->begin ? a->begin < b->begin : a->name < b->name;
  });
  for (size_t i = 1; i < by_offset.size(); ++i) {
    const TensorEntry* prev = by_offset[i - 1];
    const TensorEntry* cur = by_offset[i];
    if (cur->begin < prev->end)
      throw SafetensorsError(file_name, cur->name,
                             "data_offsets [" + std::to_string(cur->begin) + ", " +
                                 std::to_string(cur->end) + "] overlap tensor '" + prev->name + "' [" +
                                 std::to_string(prev->begin) + ", " + std::to_string(prev->end) + "]");
  }

  std::sort(header.tensors.begin(), header.tensors.end(),
            [](const TensorEntry& a, const TensorEntry& b) { return a.name < b.name; });
  return header;
}

std::string serialize_safetensors_header(const std::vector<TensorEntry>& tensors,
                                         const std::map<std::string, std::string>& metadata) {
  std::string j = "{";
  bool first = true;
  if (!metadata.empty()) {
    j += "\"__metadata__\":{";
    bool first_meta = true;
    for (const auto& [k, v] : metadata) {
      if (!first_meta) j += ',';
      first_meta = false;
      j += json::quote(k) + ":" + json::quote(v);
    }
    j += '}';
    first = false;
  }
  for (const auto& t : tensors) {
    if (!first) j += ',';
    first = false;
    j += json::quote(t.name) + ":{\"dtype\":\"" + to_string(t.dtype) + "\",\"shape\":[";
    for (size_t i = 0; i < t.shape.size(); ++i) {
      if (i) j += ',';
      j += std::to_string(t.shape[i]);
    }
    j += "],\"data_offsets\":[" + std::to_string(t.begin) + "," + std::to_string(t.end) + "]}";
  }
  j += '}';
  while ((8 + j.size()) % 8 != 0) j += ' ';

  std::string out(8, '\0');
  uint64_t n = j.size();
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((n >> (8 * i)) & 0xFF);
  out += j;
  return out;
}

}  // namespace medlora::io
