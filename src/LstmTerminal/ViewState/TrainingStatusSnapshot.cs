using LstmTerminal.Core.Text;
using LstmTerminal.Torch.Workflow;

namespace LstmTerminal.ViewState;

/// <summary>What the training panel shows, as of one moment; <see cref="Version"/> grows with every change.</summary>
public sealed record TrainingStatusSnapshot
{
    public long Version { get; init; }

    public SessionPhase Phase { get; init; } = SessionPhase.Starting;

    public string Detail { get; init; } = "starting";

    /// <summary>The corpus load's stage and bytes, e.g. "downloading 1.2 of 5.5 MB", while loading.</summary>
    public string? Loading { get; init; }

    public string? Corpus { get; init; }

    public int Words { get; init; }

    public int VocabularySize { get; init; }

    public double UnknownRate { get; init; }

    /// <summary>1-based epoch in progress.</summary>
    public int Epoch { get; init; }

    public int Epochs { get; init; }

    public int Window { get; init; }

    public int Windows { get; init; }

    public long Step { get; init; }

    public long TotalSteps { get; init; }

    public double? Loss { get; init; }

    public double? SmoothedLoss { get; init; }

    public double? ValidationLoss { get; init; }

    public double? Perplexity { get; init; }

    public double? ValidationBitsPerCharacter { get; init; }

    /// <summary>The token level's name; the panel counts words at <c>words</c> and tokens at any other level.</summary>
    public string Tokenizer { get; init; } = TokenizerNames.Words;

    /// <summary>The tokenizer gives no bits per character (see <see cref="TrainerReady.LossyTokenizer"/>).</summary>
    public bool LossyTokenizer { get; init; }

    public double TokensPerSecond { get; init; }

    public TimeSpan Elapsed { get; init; }

    public TimeSpan Eta { get; init; }

    public long? SavedStep { get; init; }
}
