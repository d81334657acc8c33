using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Core.Generation;

/// <summary>What a <see cref="CompletionRun"/> reports while it streams, in order.</summary>
public abstract record CompletionEvent;

/// <summary>The next token of the continuation, with the text it adds.</summary>
public sealed record TokenGenerated(GeneratedToken Token) : CompletionEvent;

/// <summary>The sampler failed while choosing the next token; its fallback chose it and writes the rest.</summary>
public sealed record SamplerSwitched(SamplerSwitch Switch) : CompletionEvent;
