namespace LstmTerminal.Core.Generation;

/// <summary>Hands out generators on a copy of the latest weights, for completing phrases beside training.</summary>
public interface IGeneratorSource
{
    /// <summary>A new generator on the latest weights, or null while there is no model yet (still loading).</summary>
    Generator? TryCreateGenerator();
}
