using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Model;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Torch.Tests.Training;

/// <summary>The sampled-softmax objective and tied embeddings, each against the plain recipe.</summary>
public sealed class ObjectiveTests
{
    [Fact]
    public void Run_FollowsTheFullSoftmaxRun_WhenTheSampledSoftmaxDrawsTheWholeVocabulary()
    {
        // Given noise enough to draw every word, the sampled objective scores the same set as the full one
        using var temp = new TempDirectory();
        var full = Plans.Tiny(temp.Combine("full"), maxSteps: 30);
        var sampled = full with
        {
            Settings = full.Settings with { Softmax = SoftmaxObjective.Sampled, SampledCandidates = 1_000_000 },
            Checkpoints = new CheckpointStore(temp.Combine("sampled")),
        };

        var fullLosses = Losses(full);
        var sampledLosses = Losses(sampled);

        Assert.Equal(fullLosses.Count, sampledLosses.Count);
        for (var i = 0; i < fullLosses.Count; i++)
        {
            Assert.Equal(fullLosses[i], sampledLosses[i], 3);
        }
    }

    [Fact]
    public void Run_LearnsAndValidatesWithTheFullSoftmax_WhenTheSampledSoftmaxHasFewCandidates()
    {
        // Given the sampled softmax with four noise words
        using var temp = new TempDirectory();
        var plan = Plans.Tiny(temp.Combine("ckpt"), epochs: 3);
        plan = plan with { Settings = plan.Settings with { Softmax = SoftmaxObjective.Sampled, SampledCandidates = 4 } };
        using var trainer = Trainer.Start(plan);

        // When it trains three epochs
        var result = trainer.Run(null, CancellationToken.None);

        // Then the training loss, over a handful of words, sits far below the full one; validation is the full softmax's and better than uniform
        // The training loss is over a handful of words, so it sits far below the full one; validation must not.
        var trainingLoss = trainer.LossHistory[^1].Loss;
        var saved = new CheckpointStore(temp.Combine("ckpt")).Load(TokenizerPlugins.Catalog);
        using var model = saved.Model;
        var (fullLoss, _) = Evaluator.Evaluate(model, plan.Corpus.Split.Validation, 4, 8);
        Assert.Equal(fullLoss, result.ValidationLoss!.Value, 4);
        Assert.True(fullLoss > trainingLoss, $"validation {fullLoss} should be a full-softmax loss above the sampled {trainingLoss}");
        Assert.True(fullLoss < Math.Log(plan.Shape.VocabularySize), $"validation loss {fullLoss} is no better than uniform");
        Assert.Equal(SoftmaxObjective.Sampled, saved.Manifest.Training.Softmax);
    }

    [Fact]
    public void Run_KeepsOneMatrixThroughTrainingAndACheckpoint_WhenEmbeddingsAreTied()
    {
        // Given tied embeddings, which have one parameter fewer
        using var temp = new TempDirectory();
        var plan = Tied(Plans.Tiny(temp.Combine("ckpt"), maxSteps: 10));
        int untiedCount;
        using (var untied = SeededRandom.Draw(1, () => new LstmLanguageModel(plan.Shape with { TiedEmbeddings = false })))
        {
            untiedCount = untied.TrainableParameters.Count;
        }

        // When the model trains and is saved
        using (var trainer = Trainer.Start(plan))
        {
            trainer.Run(null, CancellationToken.None);
        }

        // Then the loaded model still shares one matrix
        var checkpoint = plan.Checkpoints.Load(TokenizerPlugins.Catalog);
        using var model = checkpoint.Model;
        Assert.True(checkpoint.Manifest.Model.TiedEmbeddings);
        Assert.Equal(untiedCount - 1, model.TrainableParameters.Count);
        var weights = model.ExportWeights();
        Assert.Equal(weights.Embedding, weights.Output);
    }

    [Fact]
    public void Run_Learns_WhenEmbeddingsAreTied()
    {
        // Given tied embeddings
        using var temp = new TempDirectory();
        var plan = Tied(Plans.Tiny(temp.Combine("tied"), epochs: 3));

        // When the model trains three epochs
        var loss = Validation(plan);

        // Then it learns; quality against the untied model is measured on real text with the bench, not on this toy corpus
        // Quality against the untied model is measured on real text with the bench, not on this toy corpus.
        Assert.True(loss < Math.Log(plan.Shape.VocabularySize) / 4, $"validation loss {loss} after 3 epochs");
    }

    [Fact]
    public void Run_ChangesButStaysReproducible_WithEmbeddingDropout()
    {
        // Given a plain run and two with embedding dropout
        using var temp = new TempDirectory();
        var plain = Plans.Tiny(temp.Combine("plain"), maxSteps: 10);
        var dropped = plain with { Shape = plain.Shape with { EmbeddingDropout = 0.5 }, Checkpoints = new CheckpointStore(temp.Combine("a")) };

        // When each trains 10 steps
        var plainLosses = Losses(plain);
        var first = Losses(dropped);
        var second = Losses(dropped with { Checkpoints = new CheckpointStore(temp.Combine("b")) });

        // Then dropout changes the losses, the seed reproduces them, and the checkpoint records it
        Assert.Equal(first, second);
        Assert.NotEqual(plainLosses, first);
        var saved = new CheckpointStore(temp.Combine("a")).Load(TokenizerPlugins.Catalog);
        saved.Model.Dispose();
        Assert.Equal(0.5, saved.Manifest.Model.EmbeddingDropout);
    }

    private static TrainingPlan Tied(TrainingPlan plan) =>
        plan with { Shape = plan.Shape with { EmbeddingSize = plan.Shape.RnnSize, TiedEmbeddings = true } };

    private static List<double> Losses(TrainingPlan plan)
    {
        using var trainer = Trainer.Start(plan);
        trainer.Run(null, CancellationToken.None);
        return trainer.LossHistory.Select(point => point.Loss).ToList();
    }

    private static double Validation(TrainingPlan plan)
    {
        using var trainer = Trainer.Start(plan);
        return trainer.Run(null, CancellationToken.None).ValidationLoss!.Value;
    }
}
