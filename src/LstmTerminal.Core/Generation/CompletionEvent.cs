using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Core.Generation;

/// <summary>What a <see cref="CompletionRun"/> reports while it streams, in order.</summary>
public abstract record CompletionEvent;

/// <summary>The next word of the continuation.</summary>
public sealed record WordGenerated(GeneratedWord Word) : CompletionEvent;

/// <summary>The sampler failed while choosing the next word; its fallback chose it and writes the rest.</summary>
public sealed record SamplerSwitched(SamplerSwitch Switch) : CompletionEvent;
