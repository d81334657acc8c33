namespace LstmTerminal.Core.Generation;

/// <summary>How many words to generate and the sampler settings for them.</summary>
public sealed record GenerationSettings(int Words, double Temperature, int Seed, int TopK = 0, double TopP = 1.0);
