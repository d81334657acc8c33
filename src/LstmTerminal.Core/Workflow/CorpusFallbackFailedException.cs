namespace LstmTerminal.Core.Workflow;

/// <summary>The corpus plugin broke and its fallback could not load the corpus either; the inner exception says why not.</summary>
public sealed class CorpusFallbackFailedException(CorpusFallback fallback, Exception fallbackError)
    : Exception($"{Sentence.Close(fallback.Fault.Message)} The fallback corpus '{fallback.Provider}' failed too: {fallbackError.Message}", fallbackError)
{
    public CorpusFallback Fallback { get; } = fallback;
}
