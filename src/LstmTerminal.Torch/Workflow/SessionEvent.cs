using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Workflow;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Workflow;

/// <summary>
/// Something a <see cref="TrainingSession"/> reports, as a reason and its data: the app decides the words, keys and
/// settings a person reads. Training events arrive wrapped in <see cref="TrainerReported"/>.
/// </summary>
public abstract record SessionEvent;

/// <summary>The session entered <paramref name="Phase"/> for <paramref name="Reason"/>; <see cref="PhaseMachine"/> reports every transition.</summary>
/// <param name="Step">The global step at the change; 0 before a model exists.</param>
public sealed record PhaseChanged(SessionPhase Phase, PhaseReason Reason, long Step) : SessionEvent
{
    /// <summary>The corpus provider being loaded, or the title of the corpus being trained on.</summary>
    public string? Corpus { get; init; }

    /// <summary>The checkpoint folder being read.</summary>
    public string? Directory { get; init; }

    /// <summary>What failed, when an exception says it.</summary>
    public Exception? Error { get; init; }

    /// <summary>What failed, when the trainer's result says it (a divergence, a failed save).</summary>
    public string? Problem { get; init; }

    /// <summary>The failure's details were written to the log.</summary>
    public bool DetailsLogged { get; init; }
}

public sealed record CorpusLoading(CorpusLoadProgress Progress) : SessionEvent;

/// <summary>A checkpoint was read at start; its model can complete phrases before the corpus is ready.</summary>
public sealed record CheckpointOpened(string Directory, long Step, IReadOnlyList<LossPoint> LossHistory, IReadOnlyList<ValidationPoint> ValidationHistory) : SessionEvent;

public sealed record TrainerReported(TrainingEvent Event) : SessionEvent;

/// <summary>Something the user should read that changes no phase, e.g. a corpus notice or the answer to "save now".</summary>
public sealed record SessionNotice(NoticeReason Reason) : SessionEvent
{
    /// <summary>The step the checkpoint holds, for <see cref="NoticeReason.CheckpointUpToDate"/>.</summary>
    public long Step { get; init; }

    /// <summary>Where the unreadable checkpoint went, or the folder that could not be moved.</summary>
    public string? Directory { get; init; }

    /// <summary>Why the unreadable checkpoint could not be moved.</summary>
    public Exception? Error { get; init; }

    /// <summary>A corpus provider's notice, in its own words.</summary>
    public string? Text { get; init; }

    /// <summary>The configured settings a resume did not apply.</summary>
    public IReadOnlyList<KeptSetting> Kept { get; init; } = [];
}

/// <summary>A sampler plugin failed while writing training samples and the session carries on with another one.</summary>
public sealed record SamplerReplaced(SamplerSwitch Switch) : SessionEvent;

/// <summary>A corpus plugin failed and the session loads the fallback provider instead.</summary>
public sealed record CorpusReplaced(CorpusFallback Fallback) : SessionEvent;
