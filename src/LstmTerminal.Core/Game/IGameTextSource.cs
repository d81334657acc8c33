using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Game;

/// <summary>The validation text of the corpus a model trains on, for dealing a game.</summary>
public interface IGameTextSource
{
    /// <summary>The validation text and the model's vocabulary, or null while the corpus is not loaded yet.</summary>
    GameText? TryGetGameText();
}

/// <summary>Raw text the model never trained on, as the corpus wrote it, and the vocabulary the model reads it with.</summary>
public sealed record GameText(string Validation, GuardedVocabulary Vocabulary);
