#pragma once
// modules_to_save: a trainable float32 full copy of a module per adapter, used in place of the
// frozen original while that adapter is active (PEFT's ModulesToSaveWrapper). Merging writes the
// copy over the original (which is kept aside so unmerge restores it exactly).
//
// Tied embeddings: lm_head and embed_tokens are one matrix. Naming either (or both) in
// modules_to_save gives ONE copy that serves as input embedding and output projection, so the
// model stays tied, and a merged export keeps tie_word_embeddings with the trained matrix.
// (PEFT in Python would untie them instead; the saved tensor is the same.)
#include <ATen/core/Tensor.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/model/linear_layer.h"
#include "core/model/llama_model.h"

namespace medlora::lora {

// The per-adapter copies of one weight; shared by the wrappers below.
class SavedCopies {
 public:
  // Registers a float32 clone of `original` on `owner` as a trainable parameter.
  void add(torch::nn::Module& owner, const std::string& adapter, const torch::Tensor& original);
  void remove(const std::string& adapter, torch::Tensor& original);
  bool has(const std::string& adapter) const { return copies_.count(adapter) != 0; }
  torch::Tensor& copy(const std::string& adapter);
  std::vector<std::string> names() const;
  void set_active(const std::string& adapter);
  const std::string& active() const { return active_; }
  const std::string& merged_adapter() const { return merged_; }
  // The copy forward should use: undefined when none is active or when it is merged.
  const torch::Tensor* active_copy() const;
  void merge(torch::Tensor& original);
  void unmerge(torch::Tensor& original);
  bool merged() const { return !merged_.empty(); }
  bool empty() const { return copies_.empty(); }

 private:
  std::map<std::string, torch::Tensor> copies_;
  std::string active_, merged_;
  torch::Tensor backup_;
  int64_t generation_ = 0;
};

// lm_head of an untied model.
class SavedLinear : public model::LinearLayer {
 public:
  explicit SavedLinear(std::shared_ptr<model::DenseLinear> original);
  torch::Tensor forward(const torch::Tensor& x) override;
  int64_t in_features() const override { return original_->in_features(); }
  int64_t out_features() const override { return original_->out_features(); }
  std::shared_ptr<model::DenseLinear> dense() override { return original_; }
  SavedCopies copies;

 private:
  std::shared_ptr<model::DenseLinear> original_;
};

// embed_tokens (and, on a tied model, the output projection through TiedOutputLinear).
// Its own registered "weight" is an empty [0, hidden] placeholder; `weight` points at the
// original table, which stays registered under "original_module".
class SavedEmbedding : public model::TokenEmbedding {
 public:
  explicit SavedEmbedding(std::shared_ptr<model::TokenEmbedding> original);
  torch::Tensor forward(const torch::Tensor& ids) override;
  std::shared_ptr<model::TokenEmbedding> original() const { return original_; }
  SavedCopies copies;
  // Per adapter, the module names the config listed for this copy ("embed_tokens", "lm_head").
  std::map<std::string, std::vector<std::string>> aliases;

 private:
  std::shared_ptr<model::TokenEmbedding> original_;
};

// Stands in for the missing lm_head of a tied model so that logits use the active copy.
// dense() exposes the tied table, so base_state_dict() lists lm_head.weight while it is in place.
class TiedOutputLinear : public model::LinearLayer {
 public:
  explicit TiedOutputLinear(std::shared_ptr<SavedEmbedding> embedding);
  torch::Tensor forward(const torch::Tensor& x) override;
  int64_t in_features() const override { return embedding_->weight.size(1); }
  int64_t out_features() const override { return embedding_->weight.size(0); }
  std::shared_ptr<model::DenseLinear> dense() override;
  std::shared_ptr<SavedEmbedding> embedding() const { return embedding_; }

 private:
  std::shared_ptr<SavedEmbedding> embedding_;
  std::shared_ptr<model::DenseLinear> view_;
};

}  // namespace medlora::lora
