namespace LstmTerminal.Core.Generation;

/// <summary>The prime phrase cannot start a completion: the message says what is wrong with it, <see cref="Problem"/> why.</summary>
public sealed class PrimeException(PrimeProblem problem, string message) : Exception(message)
{
    public PrimeProblem Problem { get; } = problem;
}
