#include "core/model/recomputed_forward.h"

#include <torch/torch.h>

#include <atomic>

namespace medlora::model {

namespace {

thread_local bool keep_intermediates = false;
std::atomic<bool> recompute_enabled{false};

struct PieceHolder : torch::CustomClassHolder {
  explicit PieceHolder(RecomputedPiece f) : piece(std::move(f)) {}
  RecomputedPiece piece;
};

class RecomputeFunction : public torch::autograd::Function<RecomputeFunction> {
 public:
  static at::Tensor forward(torch::autograd::AutogradContext* ctx, at::TensorList inputs,
                            c10::intrusive_ptr<PieceHolder> holder) {
    ctx->saved_data["piece"] = c10::IValue::make_capsule(holder);
    ctx->save_for_backward(inputs.vec());
    torch::NoGradGuard no_grad;
    return holder->piece(inputs.vec());
  }

  static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::variable_list grad_outputs) {
    auto holder = c10::static_intrusive_pointer_cast<PieceHolder>(ctx->saved_data["piece"].toCapsule());
    const auto saved = ctx->get_saved_variables();
    std::vector<at::Tensor> inputs;
    for (size_t i = 0; i < saved.size(); ++i) {
      auto input = saved[i].detach();
      if (ctx->needs_input_grad(i)) input.requires_grad_(true);
      inputs.push_back(input);
    }
    torch::Tensor output;
    {
      torch::AutoGradMode enable_grad(true);
      output = holder->piece(inputs);
    }
    torch::autograd::variable_list grads;
    if (output.requires_grad()) torch::autograd::backward({output}, {grad_outputs[0]});
    for (const auto& input : inputs) grads.push_back(input.requires_grad() ? input.grad() : torch::Tensor());
    grads.push_back(torch::Tensor());  // the holder
    return grads;
  }
};

}  // namespace

at::Tensor recomputed_forward(const RecomputedPiece& piece, const std::vector<at::Tensor>& inputs) {
  bool any_requires_grad = false;
  for (const auto& input : inputs) any_requires_grad = any_requires_grad || (input.defined() && input.requires_grad());
  if (!recompute_enabled || keep_intermediates || !any_requires_grad || !torch::GradMode::is_enabled()) return piece(inputs);
  // As a TensorList, not a vector: only then does apply() see the tensors as inputs.
  return RecomputeFunction::apply(at::TensorList(inputs), c10::make_intrusive<PieceHolder>(piece));
}

void set_recompute_in_backward(bool on) { recompute_enabled = on; }

bool recompute_in_backward() { return recompute_enabled; }

RecomputeInBackwardScope::RecomputeInBackwardScope() : previous_(recompute_enabled.exchange(true)) {}

RecomputeInBackwardScope::~RecomputeInBackwardScope() { recompute_enabled = previous_; }

KeepIntermediatesGuard::KeepIntermediatesGuard() : previous_(keep_intermediates) { keep_intermediates = true; }

KeepIntermediatesGuard::~KeepIntermediatesGuard() { keep_intermediates = previous_; }

}  // namespace medlora::model
