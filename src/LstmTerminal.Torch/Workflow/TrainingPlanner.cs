using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Options;
using LstmTerminal.Core.Text;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Torch.Workflow;

/// <summary>Turns the validated options, a loaded corpus and (when resuming) a checkpoint into a trainer.</summary>
public sealed class TrainingPlanner(ModelOptions model, TrainingOptions training, VocabularyOptions vocabularyOptions, SamplingOptions sampling)
{
    /// <summary>A fresh run with the vocabulary its tokenizer learned from the corpus.</summary>
    public Trainer StartFresh(Corpus corpus, GuardedVocabulary vocabulary, ISampler sampleSampler, CheckpointStore store)
    {
        var settings = ConfiguredSettings(training.Seed ?? Random.Shared.Next());
        var prepared = PreparedCorpus.From(corpus, vocabulary, settings.ValidationFraction);
        if (vocabulary.Count < 2)
        {
            throw new InsufficientDataException(vocabulary.TokenizerName == TokenizerNames.Words
                ? $"No word of the corpus '{corpus.Title}' occurs more than {settings.MinWordFrequency} times, so the vocabulary would hold only the unknown word. Lower Vocabulary:MinWordFrequency."
                : $"The tokenizer '{vocabulary.TokenizerName}' learned a vocabulary of one id from the corpus '{corpus.Title}'; a model needs at least two.");
        }

        var shape = ConfiguredShape(prepared.Vocabulary.Count);
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
        var prepared = PreparedCorpus.From(corpus, checkpoint.Vocabulary, settings.ValidationFraction);
        var plan = Plan(prepared, checkpoint.Manifest.Model, settings, sampleSampler, checkpoint.Store);
        return Allocating(() => Trainer.Resume(plan, checkpoint));
    }

    /// <summary>The configured settings a resume of <paramref name="checkpoint"/> does not apply, because it keeps the checkpoint's.</summary>
    public IReadOnlyList<KeptSetting> KeptFrom(CheckpointManifest checkpoint) =>
        KeptSetting.Between(checkpoint, ConfiguredShape(checkpoint.Model.VocabularySize), ConfiguredSettings(training.Seed ?? checkpoint.Training.Seed));

    private TrainingSettings ConfiguredSettings(int seed) => new()
    {
        BatchSize = training.BatchSize,
        SequenceLength = training.SequenceLength,
        LearningRate = training.LearningRate,
        GradientClip = training.GradientClip,
        ValidationFraction = training.ValidationFraction,
        MinWordFrequency = vocabularyOptions.MinWordFrequency,
        Seed = seed,
        Softmax = training.Softmax,
        SampledCandidates = training.SampledCandidates,
        WeightAveraging = training.WeightAveraging,
        WeightDecay = training.WeightDecay,
    };

    private ModelShape ConfiguredShape(int vocabularySize) => new()
    {
        VocabularySize = vocabularySize,
        EmbeddingSize = model.EmbeddingSize,
        RnnSize = model.RnnSize,
        Layers = model.Layers,
        Dropout = model.Dropout,
        TiedEmbeddings = model.TiedEmbeddings,
        EmbeddingDropout = model.EmbeddingDropout,
        LockedDropout = model.LockedDropout,
        WeightDrop = model.WeightDrop,
    };

    /// <summary>Refuses settings that cannot fit in memory before libtorch allocates anything.</summary>
    private TrainingPlan Plan(PreparedCorpus prepared, ModelShape shape, TrainingSettings settings, ISampler sampleSampler, CheckpointStore store)
    {
        TrainingMemory.Check(shape, settings, PhysicalMemory.TotalBytes());
        return new TrainingPlan
        {
            Corpus = prepared,
            Shape = shape,
            Settings = settings,
            Epochs = training.Epochs,
            MaxSteps = training.MaxSteps,
            SaveEvery = training.SaveEvery,
            EvalEvery = training.EvalEvery,
            TimeBudget = training.TimeBudget,
            LearningRateDecay = training.LearningRateDecay,
            Cosine = training.LearningRateSchedule == LearningRateSchedule.Cosine ? new CosineDecay(training.CosineFloor) : null,
            PrimeTexts = training.PrimeTexts,
            SampleSampler = sampleSampler,
            SampleSettings = sampling.ToSettings() with { Seed = sampling.Seed ?? settings.Seed },
            Checkpoints = store,
            TensorBoardDirectory = string.IsNullOrWhiteSpace(training.TensorBoardDirectory) ? null : training.TensorBoardDirectory,
            EarlyStoppingPatience = training.EarlyStoppingPatience,
        };
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
