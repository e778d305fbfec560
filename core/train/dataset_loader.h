#pragma once
// Training records from JSON (an array of objects), JSONL (one object a line) or CSV (a header
// row, RFC 4180 quoting). A record is either instruction / input / output (or question /
// answer: question -> input, answer -> output), or a conversation: {"messages": [{"role",
// "content"}, ...]} (OpenAI) or {"conversations": [{"from", "value"}, ...]} (ShareGPT), read by
// core/data/conversation_record.h, the importer's own rules (roles system/user/assistant,
// human -> user, gpt -> assistant, no blank turn, at least one assistant turn). Errors name the
// file and the line.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/tokenizer/chat_message.h"

namespace medlora::train {

struct TrainingRecord {
  std::string instruction;  // empty: the template's default instruction
  std::string input;
  std::string output;
  // Non-empty for a conversation record (instruction/input/output are then empty): the turns,
  // roles "system", "user", "assistant", in order, at least one assistant turn.
  tokenizer::Conversation messages;
  int64_t line = 0;  // where the record starts in its file (1-based), for messages
};

// Format chosen by extension (.json, .jsonl/.ndjson, .csv); a .json file whose first
// non-blank character is not '[' is read as JSONL. Records without an output are errors.
std::vector<TrainingRecord> load_training_records(const std::filesystem::path& file);

// A plain text corpus for pretraining: documents separated by blank lines.
std::vector<std::string> load_text_corpus(const std::filesystem::path& file);

// Deterministic held-out split: `val_size` < 1 is a fraction, >= 1 a count. Returns
// {train, eval}; at least one record stays in train.
std::pair<std::vector<TrainingRecord>, std::vector<TrainingRecord>> split_records(std::vector<TrainingRecord> records,
                                                                                  double val_size, uint64_t seed);

}  // namespace medlora::train
