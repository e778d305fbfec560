#include "core/lora/saved_module.h"

#include <torch/torch.h>

#include "core/lora/lora_config.h"

namespace medlora::lora {

void SavedCopies::add(torch::nn::Module& owner, const std::string& adapter, const torch::Tensor& original) {
  if (has(adapter)) throw LoraError("adapter '" + adapter + "' already has a saved copy of this module");
  if (merged()) throw LoraError("cannot add adapter '" + adapter + "' while '" + merged_ + "' is merged; unmerge first");
  torch::NoGradGuard no_grad;
  std::string name = "modules_to_save_" + adapter + "_" + std::to_string(generation_++);
  for (auto& ch : name)
    if (ch == '.') ch = '_';
  auto clone = original.detach().to(torch::kFloat).clone();
  copies_.emplace(adapter, owner.register_parameter(name, clone, /*requires_grad=*/true));
}

void SavedCopies::remove(const std::string& adapter, torch::Tensor& original) {
  auto it = copies_.find(adapter);
  if (it == copies_.end()) return;
  if (merged_ == adapter) unmerge(original);
  torch::NoGradGuard no_grad;
  it->second.set_data(torch::empty({0}, it->second.options()));  // modules cannot unregister
  copies_.erase(it);
  if (active_ == adapter) active_.clear();
}

torch::Tensor& SavedCopies::copy(const std::string& adapter) {
  auto it = copies_.find(adapter);
  if (it == copies_.end()) throw LoraError("no saved module copy for adapter '" + adapter + "'");
  return it->second;
}

std::vector<std::string> SavedCopies::names() const {
  std::vector<std::string> out;
  for (const auto& [name, t] : copies_) out.push_back(name);
  return out;
}

void SavedCopies::set_active(const std::string& adapter) {
  if (merged() && adapter != merged_)
    throw LoraError("adapter '" + merged_ + "' is merged into the weights; unmerge it before switching");
  active_ = adapter;
}

const torch::Tensor* SavedCopies::active_copy() const {
  if (active_.empty() || merged()) return nullptr;
  auto it = copies_.find(active_);
  return it == copies_.end() ? nullptr : &it->second;
}

void SavedCopies::merge(torch::Tensor& original) {
  if (merged() || active_.empty() || !has(active_)) return;
  torch::NoGradGuard no_grad;
  backup_ = original.detach().clone();
  original.copy_(copies_.at(active_));
  merged_ = active_;
}

void SavedCopies::unmerge(torch::Tensor& original) {
  if (!merged()) return;
  torch::NoGradGuard no_grad;
  original.copy_(backup_);
  backup_ = torch::Tensor();
  merged_.clear();
}

SavedLinear::SavedLinear(std::shared_ptr<model::DenseLinear> original) : original_(std::move(original)) {
  original_->weight.set_requires_grad(false);
  if (original_->bias.defined()) original_->bias.set_requires_grad(false);
  register_module("original_module", original_);
}

torch::Tensor SavedLinear::forward(const torch::Tensor& x) {
  const torch::Tensor* copy = copies.active_copy();
  if (!copy) return original_->forward(x);
  // The float32 copy is cast to x's dtype (a no-op in float32), as autocast would.
  return torch::linear(x, copy->to(x.scalar_type()), original_->bias);
}

SavedEmbedding::SavedEmbedding(std::shared_ptr<model::TokenEmbedding> original)
    : model::TokenEmbedding(0, original->weight.size(1)), original_(std::move(original)) {
  original_->weight.set_requires_grad(false);
  register_module("original_module", original_);
  weight = original_->weight;
}

torch::Tensor SavedEmbedding::forward(const torch::Tensor& ids) {
  const torch::Tensor* copy = copies.active_copy();
  if (!copy) return torch::embedding(original_->weight, ids);
  // Gather float32 rows, then cast only those to the compute dtype.
  return torch::embedding(*copy, ids).to(original_->weight.scalar_type());
}

TiedOutputLinear::TiedOutputLinear(std::shared_ptr<SavedEmbedding> embedding) : embedding_(std::move(embedding)) {}

torch::Tensor TiedOutputLinear::forward(const torch::Tensor& x) {
  const torch::Tensor* copy = embedding_->copies.active_copy();
  if (!copy) return torch::linear(x, embedding_->original()->weight);
  return torch::linear(x, copy->to(x.scalar_type()));
}

std::shared_ptr<model::DenseLinear> TiedOutputLinear::dense() {
  if (!view_) {
    view_ = std::make_shared<model::DenseLinear>(0, 0, false);
  }
  view_->weight = embedding_->original()->weight;
  return view_;
}

}  // namespace medlora::lora
