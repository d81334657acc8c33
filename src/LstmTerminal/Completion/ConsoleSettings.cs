namespace LstmTerminal.Completion;

/// <summary>How the console completes phrases; <paramref name="Seed"/> null draws a new seed for each completion.</summary>
/// <param name="TopK">0 leaves k to the top-k sampler's own setting.</param>
/// <param name="TopP">1 leaves p to the nucleus sampler's own setting.</param>
public sealed record ConsoleSettings(
    string Sampler,
    double Temperature,
    int Words,
    int? Seed,
    int TopK = 0,
    double TopP = 1.0,
    double RepetitionPenalty = 1.0,
    int NoRepeatNgram = 0,
    int BeamWidth = 4);
