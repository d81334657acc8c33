using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Core.Training;

namespace LstmTerminal.Torch.Training;

/// <summary>Everything a training run needs, resolved from options, corpus and (when resuming) a checkpoint.</summary>
public sealed record TrainingPlan(
    PreparedCorpus Corpus,
    ModelShape Shape,
    TrainingSettings Settings,
    int Epochs,
    int? MaxSteps,
    int SaveEvery,
    int EvalEvery,
    TimeSpan? TimeBudget,
    double LearningRateDecay,
    IReadOnlyList<string> PrimeTexts,
    ISampler SampleSampler,
    SamplingSettings SampleSettings,
    CheckpointStore Checkpoints);
