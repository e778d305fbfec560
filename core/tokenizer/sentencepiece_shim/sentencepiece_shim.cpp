#include "sentencepiece_shim.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <unordered_map>
#include <memory>
#include <string>
#include <vector>

#define MEDLORA_SPM_EXPORT extern "C" __attribute__((visibility("default")))

struct medlora_spm_processor {
  sentencepiece::SentencePieceProcessor processor;
  int model_type = 0;      // TrainerSpec.model_type as stored (1 unigram, 2 bpe, 3 word, 4 char)
  bool byte_fallback = false;
};

namespace {

thread_local std::string last_error;

int set_error(const std::string& message) {
  last_error = message;
  return 1;
}

char* copy_out(const std::string& text, size_t* length) {
  char* buffer = static_cast<char*>(std::malloc(text.size() + 1));
  if (buffer == nullptr) return nullptr;
  std::memcpy(buffer, text.data(), text.size());
  buffer[text.size()] = '\0';
  if (length != nullptr) *length = text.size();
  return buffer;
}

// Debian ships no generated protobuf headers for sentencepiece's model, so the two
// TrainerSpec fields we report are read from the wire format directly.
bool read_varint(const unsigned char*& at, const unsigned char* end, uint64_t* value) {
  *value = 0;
  for (int shift = 0; at < end && shift < 64; shift += 7) {
    const unsigned char byte = *at++;
    *value |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

// Calls on_field(field_number, wire_type, varint_value, payload, payload_size) per field.
template <typename Visitor>
bool walk_message(const unsigned char* at, const unsigned char* end, Visitor on_field) {
  while (at < end) {
    uint64_t key = 0;
    if (!read_varint(at, end, &key)) return false;
    const int field = static_cast<int>(key >> 3);
    const int wire = static_cast<int>(key & 7);
    uint64_t value = 0;
    if (wire == 0) {
      if (!read_varint(at, end, &value)) return false;
      on_field(field, wire, value, nullptr, 0);
    } else if (wire == 2) {
      if (!read_varint(at, end, &value) || value > static_cast<uint64_t>(end - at)) return false;
      on_field(field, wire, 0, at, static_cast<size_t>(value));
      at += value;
    } else if (wire == 5) {
      if (end - at < 4) return false;
      at += 4;
    } else if (wire == 1) {
      if (end - at < 8) return false;
      at += 8;
    } else {
      return false;
    }
  }
  return true;
}

void read_trainer_spec(const char* bytes, size_t size, medlora_spm_processor* out) {
  const auto* begin = reinterpret_cast<const unsigned char*>(bytes);
  walk_message(begin, begin + size, [&](int field, int wire, uint64_t, const unsigned char* payload, size_t length) {
    if (field != 2 || wire != 2) return;  // ModelProto.trainer_spec
    out->model_type = 1;                  // the proto's default is UNIGRAM
    walk_message(payload, payload + length, [&](int f, int w, uint64_t value, const unsigned char*, size_t) {
      if (f == 3 && w == 0) out->model_type = static_cast<int>(value);
      if (f == 35 && w == 0) out->byte_fallback = value != 0;
    });
  });
}

// Feeds the trainer every line of every input file, in order.
class FileLineIterator : public sentencepiece::SentenceIterator {
 public:
  explicit FileLineIterator(std::vector<std::string> files) : files_(std::move(files)) { advance(); }
  bool done() const override { return done_; }
  void Next() override { advance(); }
  const std::string& value() const override { return line_; }
  sentencepiece::util::Status status() const override { return status_; }

 private:
  void advance() {
    while (!done_) {
      if (stream_.is_open() && std::getline(stream_, line_)) {
        if (!line_.empty() && line_.back() == '\r') line_.pop_back();
        return;
      }
      if (stream_.is_open()) {
        if (stream_.bad()) {
          status_ = sentencepiece::util::Status(sentencepiece::util::StatusCode::kDataLoss,
                                                "could not read " + files_[next_file_ - 1]);
          done_ = true;
          return;
        }
        stream_.close();
      }
      if (next_file_ == files_.size()) {
        done_ = true;
        return;
      }
      stream_.clear();
      stream_.open(files_[next_file_++], std::ios::binary);
      if (!stream_.is_open()) {
        status_ = sentencepiece::util::Status(sentencepiece::util::StatusCode::kNotFound,
                                              "could not open " + files_[next_file_ - 1]);
        done_ = true;
      }
    }
  }

  std::vector<std::string> files_;
  size_t next_file_ = 0;
  std::ifstream stream_;
  std::string line_;
  bool done_ = false;
  sentencepiece::util::Status status_;
};

}  // namespace

MEDLORA_SPM_EXPORT int medlora_spm_abi_version(void) { return MEDLORA_SPM_ABI_VERSION; }

MEDLORA_SPM_EXPORT const char* medlora_spm_last_error(void) { return last_error.c_str(); }

MEDLORA_SPM_EXPORT medlora_spm_processor* medlora_spm_load(const char* model_bytes, size_t size) {
  auto holder = std::make_unique<medlora_spm_processor>();
  const auto status = holder->processor.LoadFromSerializedProto(std::string_view(model_bytes, size));
  if (!status.ok()) {
    set_error(status.ToString());
    return nullptr;
  }
  read_trainer_spec(model_bytes, size, holder.get());
  return holder.release();
}

MEDLORA_SPM_EXPORT void medlora_spm_destroy(medlora_spm_processor* processor) { delete processor; }

MEDLORA_SPM_EXPORT int medlora_spm_vocab_size(const medlora_spm_processor* p) { return p->processor.GetPieceSize(); }
MEDLORA_SPM_EXPORT int medlora_spm_bos_id(const medlora_spm_processor* p) { return p->processor.bos_id(); }
MEDLORA_SPM_EXPORT int medlora_spm_eos_id(const medlora_spm_processor* p) { return p->processor.eos_id(); }
MEDLORA_SPM_EXPORT int medlora_spm_pad_id(const medlora_spm_processor* p) { return p->processor.pad_id(); }
MEDLORA_SPM_EXPORT int medlora_spm_unk_id(const medlora_spm_processor* p) { return p->processor.unk_id(); }

MEDLORA_SPM_EXPORT int medlora_spm_model_type(const medlora_spm_processor* p) {
  switch (p->model_type) {  // stored enum -> this ABI's numbering
    case 1: return 2;       // UNIGRAM
    case 2: return 1;       // BPE
    case 3: return 3;       // WORD
    case 4: return 4;       // CHAR
  }
  return 0;
}

MEDLORA_SPM_EXPORT int medlora_spm_byte_fallback(const medlora_spm_processor* p) { return p->byte_fallback ? 1 : 0; }

MEDLORA_SPM_EXPORT int medlora_spm_is_special(const medlora_spm_processor* p, int id) {
  if (id < 0 || id >= p->processor.GetPieceSize()) return 1;
  return (p->processor.IsControl(id) || p->processor.IsUnknown(id) || p->processor.IsUnused(id)) ? 1 : 0;
}

MEDLORA_SPM_EXPORT int medlora_spm_is_byte(const medlora_spm_processor* p, int id) {
  if (id < 0 || id >= p->processor.GetPieceSize()) return 0;
  return p->processor.IsByte(id) ? 1 : 0;
}

MEDLORA_SPM_EXPORT char* medlora_spm_id_to_piece(const medlora_spm_processor* p, int id, size_t* length) {
  if (id < 0 || id >= p->processor.GetPieceSize()) {
    set_error("token id " + std::to_string(id) + " is outside the vocabulary");
    return nullptr;
  }
  return copy_out(p->processor.IdToPiece(id), length);
}

MEDLORA_SPM_EXPORT int medlora_spm_piece_to_id(const medlora_spm_processor* p, const char* piece, size_t length) {
  return p->processor.PieceToId(std::string_view(piece, length));
}

MEDLORA_SPM_EXPORT float medlora_spm_score(const medlora_spm_processor* p, int id) {
  if (id < 0 || id >= p->processor.GetPieceSize()) return 0.0f;
  return p->processor.GetScore(id);
}

MEDLORA_SPM_EXPORT int medlora_spm_encode(const medlora_spm_processor* p, const char* text, size_t length,
                                          int** ids, size_t* count) {
  std::vector<int> out;
  const auto status = p->processor.Encode(std::string_view(text, length), &out);
  if (!status.ok()) return set_error(status.ToString());
  *count = out.size();
  *ids = static_cast<int*>(std::malloc(sizeof(int) * (out.empty() ? 1 : out.size())));
  if (*ids == nullptr) return set_error("out of memory");
  if (!out.empty()) std::memcpy(*ids, out.data(), sizeof(int) * out.size());
  return 0;
}

MEDLORA_SPM_EXPORT int medlora_spm_decode(const medlora_spm_processor* p, const int* ids, size_t count,
                                          char** text, size_t* length) {
  std::vector<int> in(ids, ids + count);
  std::string out;
  const auto status = p->processor.Decode(in, &out);
  if (!status.ok()) return set_error(status.ToString());
  *text = copy_out(out, length);
  return *text == nullptr ? set_error("out of memory") : 0;
}

MEDLORA_SPM_EXPORT int medlora_spm_train(const char* args) {
  const auto status = sentencepiece::SentencePieceTrainer::Train(args);
  if (!status.ok()) return set_error(status.ToString());
  return 0;
}

MEDLORA_SPM_EXPORT int medlora_spm_train_from_files(const char* const* option_names, const char* const* option_values,
                                                    size_t option_count, const char* const* input_files,
                                                    size_t input_count, char** model, size_t* model_size) {
  std::unordered_map<std::string, std::string> options;
  for (size_t i = 0; i < option_count; ++i) options[option_names[i]] = option_values[i];
  FileLineIterator lines(std::vector<std::string>(input_files, input_files + input_count));
  sentencepiece::SetRandomGeneratorSeed(20240601u);
  std::string serialized;
  const auto status = sentencepiece::SentencePieceTrainer::Train(options, &lines, &serialized);
  if (!status.ok()) return set_error(status.ToString());
  if (!lines.status().ok()) return set_error(lines.status().ToString());
  *model = copy_out(serialized, model_size);
  return *model == nullptr ? set_error("out of memory") : 0;
}

MEDLORA_SPM_EXPORT void medlora_spm_free(void* buffer) { std::free(buffer); }
