using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Workflow;

/// <summary>The corpus is prepared and a trainer exists (fresh or resumed at <see cref="Step"/>).</summary>
public sealed record TrainerReady : SessionEvent
{
    public required string CorpusTitle { get; init; }

    /// <summary>Tokens of the corpus at the tokenizer's level (words at the recipe's).</summary>
    public required int Words { get; init; }

    /// <summary>The tokenizer's name, e.g. <c>words</c> or <c>characters</c>.</summary>
    public required string Tokenizer { get; init; }

    public required int VocabularySize { get; init; }

    public required double UnknownRate { get; init; }

    /// <summary>The tokenizer's validation tokens do not spell the validation text, so it has no bits per character.</summary>
    public required bool LossyTokenizer { get; init; }

    public required int StepsPerEpoch { get; init; }

    public required int Epochs { get; init; }

    public required long Step { get; init; }

    public required long TotalSteps { get; init; }

    public required IReadOnlyList<LossPoint> LossHistory { get; init; }

    public required IReadOnlyList<ValidationPoint> ValidationHistory { get; init; }

    /// <param name="corpusTitle">The loaded corpus's title, as its provider gave it.</param>
    public static TrainerReady Of(Trainer trainer, string corpusTitle, int epochs) => new()
    {
        CorpusTitle = corpusTitle,
        Words = trainer.Corpus.WordCount,
        Tokenizer = trainer.Corpus.Vocabulary.TokenizerName,
        VocabularySize = trainer.Corpus.Vocabulary.Count,
        UnknownRate = trainer.Corpus.UnknownRate,
        LossyTokenizer = !trainer.Corpus.ValidationSpelledByTokens,
        StepsPerEpoch = trainer.StepsPerEpoch,
        Epochs = epochs,
        Step = trainer.Step,
        TotalSteps = trainer.TotalSteps,
        LossHistory = [.. trainer.LossHistory],
        ValidationHistory = [.. trainer.ValidationHistory],
    };
}
