using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Model;
using static TorchSharp.torch;

namespace LstmTerminal.Torch.Training;

/// <summary>
/// A training step's loss and its gradients in the parameters: the forward pass with dropout noise keyed to the step
/// (so that resuming reproduces it), then the full or sampled softmax objective backwards.
/// </summary>
internal sealed class StepGradients(LstmLanguageModel model, ModelShape shape, TrainingSettings settings)
{
    private readonly CandidateWords? _candidateWords =
        settings.Softmax == SoftmaxObjective.Sampled ? new CandidateWords(shape.VocabularySize, settings.SampledCandidates) : null;

    /// <summary>Tensors in the caller's dispose scope: the loss, and the LSTM state after the batch.</summary>
    /// <param name="phases">Times the forward pass, the output layer with the loss, and the backward pass; null for none.</param>
    public (Tensor Loss, Tensor Hidden, Tensor Cell) Compute(Tensor inputs, Tensor targets, LstmState? state, long step, StepPhases? phases)
    {
        var (features, hidden, cell, weightDrop) = Forward(inputs, state, step);
        phases?.End(StepPhase.LstmForward);
        using (weightDrop)
        {
            var loss = Backpropagate(features.reshape(-1, features.shape[2]), targets.reshape(-1), step, phases);
            weightDrop?.Restore();
            return (loss, hidden, cell);
        }
    }

    private (Tensor Features, Tensor Hidden, Tensor Cell, RecurrentWeightDrop? WeightDrop) Forward(Tensor inputs, LstmState? state, long step)
    {
        if (!shape.HasDropout)
        {
            var (features, hidden, cell) = model.Features(inputs, state);
            return (features, hidden, cell, null);
        }

        return SeededRandom.Draw(DerivedSeed.Of(settings.Seed, step, SeedPurpose.Dropout), () =>
        {
            var weightDrop = shape.WeightDrop > 0 ? model.DropRecurrentWeights() : null;
            try
            {
                var (features, hidden, cell) = model.Features(inputs, state);
                return (features, hidden, cell, weightDrop);
            }
            catch
            {
                weightDrop?.Dispose();
                throw;
            }
        });
    }

    /// <summary>Adds the loss's gradients to the parameters and returns the loss.</summary>
    private Tensor Backpropagate(Tensor features, Tensor targets, long step, StepPhases? phases)
    {
        if (_candidateWords is null)
        {
            var (weight, bias) = model.OutputLayer();
            return BlockwiseCrossEntropy.Backward(features, weight, bias, targets, phases);
        }

        var (candidates, slots) = _candidateWords.Draw(
            targets.data<long>().ToArray(), new Random(DerivedSeed.Of(settings.Seed, step, SeedPurpose.NoiseWords)));
        var (candidateWeight, candidateBias) = model.OutputLayer(tensor(candidates));
        return BlockwiseCrossEntropy.Backward(features, candidateWeight, candidateBias, tensor(slots), phases);
    }
}
