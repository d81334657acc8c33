using LstmTerminal.Core.Data;
using static TorchSharp.torch;
using LstmTerminal.Torch.Model;
using LstmTerminal.Torch.Data;

namespace LstmTerminal.Torch.Training;

/// <summary>Mean cross-entropy of a model over a token sequence, read the same way training reads it.</summary>
public static class Evaluator
{
    /// <summary>
    /// Scores a model on a corpus' validation ids: loss and perplexity per token, and bits per character of the validation
    /// text. Only full batches are read, so the mean over them stands for every validation token in the bits per character.
    /// </summary>
    public static ValidationScore Validate(LstmLanguageModel model, PreparedCorpus corpus, int maxBatchSize, int sequenceLength, CancellationToken cancellationToken = default)
    {
        var (loss, perplexity) = Evaluate(model, corpus.Split.Validation, maxBatchSize, sequenceLength, cancellationToken);
        return new ValidationScore(loss, perplexity, corpus.BitsPerCharacter(loss));
    }

    public static (double Loss, double Perplexity) Evaluate(LstmLanguageModel model, int[] tokens, int maxBatchSize, int sequenceLength, CancellationToken cancellationToken = default)
    {
        var layout = BatchLayout.Fitting(tokens.Length, maxBatchSize, sequenceLength);
        var wasTraining = model.training;
        model.eval();
        double totalLoss = 0;
        long count = 0;
        LstmState? state = null;
        try
        {
            using var batches = new TokenBatches(tokens, layout, offset: 0);
            using var inference = inference_mode();
            for (var step = 0; step < layout.StepsPerEpoch; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var (inputs, targets) = batches.Batch(step);
                var (features, hidden, cell) = model.Features(inputs, state);
                var (weight, bias) = model.OutputLayer();
                totalLoss += BlockwiseCrossEntropy.Sum(features.reshape(-1, features.shape[2]), weight, bias, targets.reshape(-1)).item<float>();
                count += targets.numel();
                state?.Dispose();
                state = new LstmState(hidden.MoveToOuterDisposeScope(), cell.MoveToOuterDisposeScope());
            }
        }
        finally
        {
            state?.Dispose();
            model.train(wasTraining);
        }

        var mean = totalLoss / count;
        return (mean, Math.Exp(mean));
    }
}
