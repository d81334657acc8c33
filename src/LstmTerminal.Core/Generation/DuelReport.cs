namespace LstmTerminal.Core.Generation;

/// <summary>One prime completed by several samplers with the same settings and seed.</summary>
public sealed record DuelReport(PrimeEncoding Prime, SamplingSettings Settings, IReadOnlyList<DuelEntry> Results);
