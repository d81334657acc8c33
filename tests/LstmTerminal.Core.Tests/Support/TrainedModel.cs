namespace LstmTerminal.Core.Tests.Support;

/// <summary>A tiny model trained on <see cref="TinyCorpus"/> for three epochs, for the generator tests.</summary>
public sealed class TrainedModel() : FixtureModel("tiny-model");
