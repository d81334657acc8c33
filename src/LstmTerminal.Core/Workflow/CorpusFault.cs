namespace LstmTerminal.Core.Workflow;

/// <summary>How a corpus plugin broke, so the app can say what to do about it.</summary>
public enum CorpusFault
{
    /// <summary>It threw something other than a <see cref="Abstractions.CorpusUnavailableException"/>.</summary>
    Threw,

    /// <summary>It did not finish within <c>Corpus:LoadTimeout</c>.</summary>
    TimedOut,

    /// <summary>It returned null, or a corpus without its title, text, source or notices.</summary>
    ReturnedNothing,
}
