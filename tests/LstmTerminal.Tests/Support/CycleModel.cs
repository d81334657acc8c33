using LstmTerminal.Core.Generation;
using LstmTerminal.Testing;

namespace LstmTerminal.Tests.Support;

/// <summary>A character-level model that writes <see cref="Cycle"/> over and over, whatever it is primed with.</summary>
internal sealed class CycleModel : IGeneratorSource
{
    /// <summary>Every character once, so each has one successor; a speaker's name on its own line.</summary>
    public const string Cycle = "KING:\nAy, me!";

    private static readonly Lazy<Core.Text.GuardedVocabulary> Vocabulary =
        new(() => TokenizerPlugins.Learn("characters", string.Concat(Enumerable.Repeat(Cycle, 20))));

    public Generator? TryCreateGenerator() => SuccessorModel.Create(Vocabulary.Value, Vocabulary.Value.Encode(Cycle).Ids);
}
