using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Options;

namespace LstmTerminal.Interactive;

/// <summary>
/// What a person reads about a completion, on the command line and in the console alike: Core reports the reasons and
/// their data, this adds the advice and the setting names.
/// </summary>
public static class CompletionText
{
    private const string ExamplePrime = "thou art more";

    public static string UnknownWords(PrimeEncoding prime) => $"not in the vocabulary, read as <unk>: {string.Join(", ", prime.UnknownWords)}";

    /// <summary>The failure's message with what to do about it where the app knows, else the message alone.</summary>
    public static string Explain(Exception exception) => exception switch
    {
        PrimeException { Problem: PrimeProblem.NoWords } => $"{exception.Message} Type a few words, e.g. \"{ExamplePrime}\".",
        PrimeException { Problem: PrimeProblem.TooManyWords } => $"{exception.Message} Use its last few sentences instead.",
        PrimeException { Problem: PrimeProblem.NoKnownWord } => $"{exception.Message} Use everyday words of the corpus, e.g. \"{ExamplePrime}\".",
        ModelScoresException => $"{exception.Message} Train it again, from scratch or with a lower {TrainingOptions.Section}:{nameof(TrainingOptions.LearningRate)}.",
        _ => exception.Message,
    };
}
