using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Game;

/// <summary>The validation text of the corpus a model trains on, as ids, for dealing a game.</summary>
public interface IGameTextSource
{
    /// <summary>The validation ids and their vocabulary, or null while the corpus is not loaded yet.</summary>
    GameText? TryGetGameText();
}

/// <summary>Ids of text the model never trained on, and the vocabulary they index.</summary>
public sealed record GameText(int[] Validation, GuardedVocabulary Vocabulary);
