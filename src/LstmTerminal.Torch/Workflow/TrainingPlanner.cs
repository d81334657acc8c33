using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Options;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Torch.Workflow;

/// <summary>Turns the validated options, a loaded corpus and (when resuming) a checkpoint into a trainer.</summary>
public sealed class TrainingPlanner(ModelOptions model, TrainingOptions training, VocabularyOptions vocabulary, SamplingOptions sampling)
{
    /// <summary>A fresh run with a vocabulary built from the corpus.</summary>
    public Trainer StartFresh(Corpus corpus, ISampler sampleSampler, CheckpointStore store)
    {
        var seed = training.Seed ?? Random.Shared.Next();
        var settings = new TrainingSettings(
            training.BatchSize, training.SequenceLength, training.LearningRate, training.GradientClip,
            training.ValidationFraction, vocabulary.MinWordFrequency, seed, training.Softmax, training.SampledCandidates,
            training.WeightAveraging, training.WeightDecay);
        var prepared = PreparedCorpus.From(corpus, vocabulary: null, settings.MinWordFrequency, settings.ValidationFraction);
        if (prepared.Vocabulary.Count < 2)
        {
            throw new InsufficientDataException(
                $"No word of the corpus '{corpus.Title}' occurs more than {settings.MinWordFrequency} times, so the vocabulary would hold only the unknown word. Lower Vocabulary:MinWordFrequency.");
        }

        var shape = new ModelShape(prepared.Vocabulary.Count, model.EmbeddingSize, model.RnnSize, model.Layers, model.Dropout, model.TiedEmbeddings, model.EmbeddingDropout, model.LockedDropout, model.WeightDrop);
        var plan = Plan(prepared, shape, settings, sampleSampler, store);
        return Allocating(() => Trainer.Start(plan));
    }

    /// <summary>
    /// Continues a checkpoint with its own vocabulary, shape and trajectory settings; the options only decide
    /// how long to go on (epochs, step limit) and how often to save and sample.
    /// </summary>
    public Trainer Resume(Corpus corpus, LoadedCheckpoint checkpoint, ISampler sampleSampler)
    {
        var settings = checkpoint.Manifest.Training;
        var prepared = PreparedCorpus.From(corpus, checkpoint.Vocabulary, settings.MinWordFrequency, settings.ValidationFraction);
        var plan = Plan(prepared, checkpoint.Manifest.Model, settings, sampleSampler, checkpoint.Store);
        return Allocating(() => Trainer.Resume(plan, checkpoint));
    }

    /// <summary>Refuses settings that cannot fit in memory before libtorch allocates anything.</summary>
    private TrainingPlan Plan(PreparedCorpus prepared, ModelShape shape, TrainingSettings settings, ISampler sampleSampler, CheckpointStore store)
    {
        TrainingMemory.Check(shape, settings, PhysicalMemory.TotalBytes());
        return new(prepared, shape, settings, training.Epochs, training.MaxSteps, training.SaveEvery, training.EvalEvery, training.TimeBudget, training.LearningRateDecay,
            training.PrimeTexts, sampleSampler, sampling.ToGenerationSettings(sampling.Seed ?? settings.Seed), store);
    }

    /// <summary>An allocation the estimate let through can still fail in libtorch; the user gets its one line, not its stack.</summary>
    private static Trainer Allocating(Func<Trainer> create)
    {
        try
        {
            return create();
        }
        catch (Exception e) when (TorchErrors.IsOutOfMemory(e))
        {
            throw TrainingMemoryException.From(e);
        }
    }
}
