using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;
using LstmTerminal.Core.Workflow;

namespace LstmTerminal.Torch.Workflow;

/// <summary>Something a <see cref="TrainingSession"/> reports; training events arrive wrapped in <see cref="TrainerReported"/>.</summary>
public abstract record SessionEvent;

public enum SessionPhase
{
    Starting,
    LoadingCheckpoint,
    LoadingCorpus,
    Preparing,
    Training,
    Pausing,
    Paused,
    Finished,
    Failed,
}

/// <param name="Detail">What is going on, or for <see cref="SessionPhase.Failed"/> the reason and what to do.</param>
public sealed record PhaseChanged(SessionPhase Phase, string Detail) : SessionEvent;

public sealed record CorpusLoading(CorpusLoadProgress Progress) : SessionEvent;

/// <summary>A checkpoint was read at start; its model can complete phrases before the corpus is ready.</summary>
public sealed record CheckpointOpened(string Directory, long Step, IReadOnlyList<LossPoint> LossHistory, IReadOnlyList<ValidationPoint> ValidationHistory) : SessionEvent;

/// <summary>The corpus is prepared and a trainer exists (fresh or resumed at <paramref name="Step"/>).</summary>
public sealed record TrainerReady(
    string CorpusTitle,
    int Words,
    int VocabularySize,
    double UnknownRate,
    int StepsPerEpoch,
    int Epochs,
    long Step,
    long TotalSteps,
    IReadOnlyList<LossPoint> LossHistory,
    IReadOnlyList<ValidationPoint> ValidationHistory) : SessionEvent;

public sealed record TrainerReported(TrainingEvent Event) : SessionEvent;

/// <summary>Something the user should read, e.g. a corpus notice or the answer to "save now".</summary>
public sealed record SessionNotice(string Message) : SessionEvent;

/// <summary>A plugin failed and the session carries on with another one (a sampler or a corpus); the message says both.</summary>
public sealed record PluginReplaced(string Message) : SessionEvent;
