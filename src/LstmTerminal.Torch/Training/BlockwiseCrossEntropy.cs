using static TorchSharp.torch;
using LstmTerminal.Core.Training;

namespace LstmTerminal.Torch.Training;

/// <summary>
/// Softmax cross-entropy of a linear output layer (features · weightᵀ + bias against target classes), computed a
/// block of rows at a time. The [rows x classes] logits are the largest tensor of a training step; kept whole they
/// go through memory half a dozen times (GEMM, log-softmax, its backward, two more GEMMs). A block small enough
/// for the cache goes through every pass there, and the gradient of the logits is formed in place from the
/// softmax, so the logits never exist in full.
/// </summary>
public static class BlockwiseCrossEntropy
{
    // Measured on the recipe (5,000 rows x 2,826 words): 256-row blocks (2.9 MB) beat 128 and 512 rows, and
    // 1,000-row blocks (11 MB) lost most of the gain.
    private const long BlockElements = 256 * 2826;

    /// <summary>
    /// Backpropagates the mean cross-entropy into <paramref name="features"/>, <paramref name="weight"/> and
    /// <paramref name="bias"/> (through whatever graphs produced them, adding to gradients already there) and
    /// returns the loss as a scalar tensor without a graph.
    /// </summary>
    /// <param name="features"><c>[rows, inputs]</c>.</param>
    /// <param name="weight"><c>[classes, inputs]</c>.</param>
    /// <param name="bias"><c>[classes]</c>.</param>
    /// <param name="targets"><c>[rows]</c> class indices (int64).</param>
    /// <param name="phases">Times the loss with the output layer's gradients, then the backward pass; null for none.</param>
    public static Tensor Backward(Tensor features, Tensor weight, Tensor bias, Tensor targets, StepPhases? phases = null)
    {
        Tensor loss;
        Gradients gradients;
        using (no_grad())
        {
            gradients = new Gradients(features, weight, bias);
            loss = Sum(features.detach(), weight.detach(), bias.detach(), targets, gradients).div_(features.shape[0]);
        }

        phases?.End(StepPhase.OutputAndLoss);
        autograd.backward([features, weight, bias], [gradients.Features, gradients.Weight, gradients.Bias]);
        phases?.End(StepPhase.Backward);
        return loss;
    }

    /// <summary>The summed cross-entropy over all rows, without gradients (for evaluation).</summary>
    public static Tensor Sum(Tensor features, Tensor weight, Tensor bias, Tensor targets)
    {
        using var noGrad = no_grad();
        return Sum(features, weight, bias, targets, gradients: null);
    }

    private static Tensor Sum(Tensor features, Tensor weight, Tensor bias, Tensor targets, Gradients? gradients)
    {
        var rows = features.shape[0];
        var blockRows = Math.Clamp(BlockElements / weight.shape[0], 1, rows);
        var transposedWeight = weight.t();
        var targetColumn = targets.reshape(-1, 1);
        var total = zeros(1, dtype: features.dtype);
        for (long first = 0; first < rows; first += blockRows)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(blockRows, rows - first);
            var block = features.narrow(0, first, count);
            var blockTargets = targetColumn.narrow(0, first, count);
            var scores = addmm(bias, block, transposedWeight, beta: 1, alpha: 1);
            var targetScores = scores.gather(1, blockTargets);
            var max = scores.amax([1], keepdim: true);
            var sums = scores.sub_(max).exp_().sum(1, keepdim: true);
            total.add_((sums.log() + max - targetScores).sum());
            if (gradients is not null)
            {
                // d(mean loss)/d(logits) = (softmax - one-hot) / rows, built in the block's own storage.
                scores.mul_(sums.mul_(rows).reciprocal_());
                scores.scatter_add_(1, blockTargets, full([count, 1], -1.0 / rows, dtype: scores.dtype));
                gradients.Weight.addmm_(scores.t(), block, beta: 1, alpha: 1);
                gradients.Bias.add_(scores.sum(dim: 0));
                // beta 0: addmm never reads the uninitialised storage it writes into.
                gradients.Features.narrow(0, first, count).addmm_(scores, weight, beta: 0, alpha: 1);
            }
        }

        return total.squeeze();
    }

    private sealed class Gradients(Tensor features, Tensor weight, Tensor bias)
    {
        public Tensor Features { get; } = empty_like(features);

        public Tensor Weight { get; } = zeros_like(weight);

        public Tensor Bias { get; } = zeros_like(bias);
    }
}
