#include "core/model/gradient_checkpoint.h"

#include <torch/torch.h>

namespace medlora::model {

namespace {

struct BlockHolder : torch::CustomClassHolder {
  explicit BlockHolder(BlockFunction f) : block(std::move(f)) {}
  BlockFunction block;
};

class CheckpointFunction : public torch::autograd::Function<CheckpointFunction> {
 public:
  static torch::Tensor forward(torch::autograd::AutogradContext* ctx, torch::Tensor input,
                               c10::intrusive_ptr<BlockHolder> holder) {
    ctx->saved_data["block"] = c10::IValue::make_capsule(holder);
    ctx->saved_data["rng"] = at::detail::getDefaultCPUGenerator().get_state();
    ctx->save_for_backward({input});
    torch::NoGradGuard no_grad;
    return holder->block(input);
  }

  static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::variable_list grad_outputs) {
    auto holder = c10::static_intrusive_pointer_cast<BlockHolder>(ctx->saved_data["block"].toCapsule());
    auto input = ctx->get_saved_variables()[0].detach().requires_grad_(true);

    auto generator = at::detail::getDefaultCPUGenerator();
    const auto current_rng = generator.get_state();
    generator.set_state(ctx->saved_data["rng"].toTensor());
    torch::Tensor output;
    {
      torch::AutoGradMode enable_grad(true);
      output = holder->block(input);
    }
    generator.set_state(current_rng);

    torch::autograd::backward({output}, {grad_outputs[0]});
    return {input.grad(), torch::Tensor()};
  }
};

}  // namespace

at::Tensor checkpointed_forward(const BlockFunction& block, const at::Tensor& input) {
  return CheckpointFunction::apply(input, c10::make_intrusive<BlockHolder>(block));
}

}  // namespace medlora::model
