#pragma once
// HF tokenizer.json post-processors, as far as they change ids of one sequence:
// TemplateProcessing (its "single" template), ByteLevel (nothing), BertProcessing,
// RobertaProcessing and Sequence.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace medlora::tokenizer::hf {

class PostProcessor {
 public:
  virtual ~PostProcessor() = default;
  // Called only when special tokens are to be added.
  virtual void process(std::vector<int64_t>& ids) const = 0;
};

// One item of a template: a run of special ids, or the sequence itself (empty `ids`).
struct TemplateItem {
  bool is_sequence = false;
  std::vector<int64_t> ids;
};

std::unique_ptr<PostProcessor> make_template_post_processor(std::vector<TemplateItem> single);
std::unique_ptr<PostProcessor> make_noop_post_processor();
// [before...] sequence [after...]: BertProcessing (cls, sep) and RobertaProcessing (cls, sep).
std::unique_ptr<PostProcessor> make_wrap_post_processor(std::vector<int64_t> before, std::vector<int64_t> after);
std::unique_ptr<PostProcessor> make_sequence_post_processor(std::vector<std::unique_ptr<PostProcessor>> parts);

}  // namespace medlora::tokenizer::hf
