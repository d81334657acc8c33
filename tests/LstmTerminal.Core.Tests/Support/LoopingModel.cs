namespace LstmTerminal.Core.Tests.Support;

/// <summary>
/// A tiny model trained on <see cref="TinyCorpus"/> plus long runs of "ha", so greedy decoding after "ha ha ha"
/// loops on one word, the failure the repetition controls exist for.
/// </summary>
public sealed class LoopingModel() : FixtureModel("looping-model");
