namespace LstmTerminal.Torch.Bench;

/// <summary>What <c>lstm-terminal bench</c> measures; the property names are the <c>--json</c> field names.</summary>
public sealed record BenchReport(
    double TrainTokensPerSecond,
    double GenerateMsPerWord,
    double GemmGflops,
    double FlopsPerToken,
    double BoundFraction,
    double PeakWorkingSetMb,
    int TimedSteps,
    int VocabularySize);
