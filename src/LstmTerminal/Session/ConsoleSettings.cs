namespace LstmTerminal.Session;

/// <summary>How the console completes phrases; <paramref name="Seed"/> null draws a new seed for each completion.</summary>
public sealed record ConsoleSettings(string Sampler, double Temperature, int Words, int? Seed);
