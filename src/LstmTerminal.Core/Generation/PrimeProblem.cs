namespace LstmTerminal.Core.Generation;

/// <summary>Why a prime phrase cannot start a completion.</summary>
public enum PrimeProblem
{
    /// <summary>Only spaces, punctuation or symbols.</summary>
    NoWords,

    /// <summary>More than <see cref="Generator.MaxPrimeWords"/> words.</summary>
    TooManyWords,

    /// <summary>Not one of its words is in the model's vocabulary.</summary>
    NoKnownWord,
}
