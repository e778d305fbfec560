#include "core/tokenizer/hf/post_processors.h"

namespace medlora::tokenizer::hf {
namespace {

class TemplatePostProcessor final : public PostProcessor {
 public:
  explicit TemplatePostProcessor(std::vector<TemplateItem> single) : single_(std::move(single)) {}
  void process(std::vector<int64_t>& ids) const override {
    std::vector<int64_t> out;
    out.reserve(ids.size() + 4);
    for (const auto& item : single_) {
      if (item.is_sequence) {
        out.insert(out.end(), ids.begin(), ids.end());
      } else {
        out.insert(out.end(), item.ids.begin(), item.ids.end());
      }
    }
    ids = std::move(out);
  }

 private:
  std::vector<TemplateItem> single_;
};

class NoopPostProcessor final : public PostProcessor {
 public:
  void process(std::vector<int64_t>&) const override {}
};

class SequencePostProcessor final : public PostProcessor {
 public:
  explicit SequencePostProcessor(std::vector<std::unique_ptr<PostProcessor>> parts) : parts_(std::move(parts)) {}
  void process(std::vector<int64_t>& ids) const override {
    for (const auto& p : parts_) p->process(ids);
  }

 private:
  std::vector<std::unique_ptr<PostProcessor>> parts_;
};

}  // namespace

std::unique_ptr<PostProcessor> make_template_post_processor(std::vector<TemplateItem> single) {
  return std::make_unique<TemplatePostProcessor>(std::move(single));
}
std::unique_ptr<PostProcessor> make_noop_post_processor() { return std::make_unique<NoopPostProcessor>(); }
std::unique_ptr<PostProcessor> make_wrap_post_processor(std::vector<int64_t> before, std::vector<int64_t> after) {
  std::vector<TemplateItem> items;
  items.push_back({false, std::move(before)});
  items.push_back({true, {}});
  items.push_back({false, std::move(after)});
  return make_template_post_processor(std::move(items));
}
std::unique_ptr<PostProcessor> make_sequence_post_processor(std::vector<std::unique_ptr<PostProcessor>> parts) {
  return std::make_unique<SequencePostProcessor>(std::move(parts));
}

}  // namespace medlora::tokenizer::hf
