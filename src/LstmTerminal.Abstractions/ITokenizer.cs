namespace LstmTerminal.Abstractions;

/// <summary>
/// Decides what a token is: learns a vocabulary from a corpus' raw text, or reads back one it learned before. The
/// model only ever sees the ids of the <see cref="ITokenVocabulary"/> this returns.
/// </summary>
/// <remarks>
/// The host creates one instance per plugin through a public constructor that takes a <see cref="PluginContext"/>
/// or through a public parameterless constructor; settings such as a vocabulary size are read from
/// <c>Plugins:&lt;Name&gt;:&lt;Key&gt;</c>. Every checkpoint records the tokenizer's <see cref="Name"/> and the
/// vocabulary's saved state, and is opened again only through the tokenizer of that name: keep the name stable, and
/// keep <see cref="Load"/> able to read every state that earlier versions of the plugin saved.
/// </remarks>
public interface ITokenizer
{
    /// <summary>Stable identifier used in configuration, on the command line and in checkpoints, e.g. <c>characters</c>.</summary>
    string Name { get; }

    /// <summary>One line for people choosing a token level.</summary>
    string Description { get; }

    /// <summary>
    /// True when every string round-trips: <c>Decode(Encode(text).Ids)</c> equals <c>text</c> for every valid Unicode
    /// text, learned from or not, and <see cref="ITokenVocabulary.UnknownId"/> is null. False when the tokenizer
    /// normalises (lower-cases, drops punctuation) or maps rare text to an unknown id.
    /// </summary>
    bool IsLossless { get; }

    /// <summary>Learns a vocabulary from a corpus.</summary>
    /// <param name="text">The corpus' raw text, as the corpus provider returned it (not normalised). Can be many megabytes.</param>
    /// <param name="progress">Optional progress sink; report a few times a second at most.</param>
    /// <param name="cancellationToken">Cancels the learning with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>The learned vocabulary. Learning the same text with the same settings always gives the same ids.</returns>
    /// <exception cref="ArgumentException">One of the plugin's own settings is invalid; the message names the key and its range.</exception>
    /// <remarks>The host may call this on any thread; do the work off the caller's thread (e.g. in <c>Task.Run</c>).</remarks>
    Task<ITokenVocabulary> LearnAsync(string text, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Reads back a vocabulary from the state its <see cref="ITokenVocabulary.Save"/> wrote.</summary>
    /// <param name="state">The saved state. Untrusted: it comes from a file that may be damaged or made by another tokenizer.</param>
    /// <returns>A vocabulary equal to the saved one: same <see cref="ITokenVocabulary.Count"/>, same ids for every text.</returns>
    /// <exception cref="InvalidDataException">
    /// The state is damaged, of another tokenizer or of an unknown format version. The message is shown to the user as
    /// one line: say what is wrong. Throw nothing else, and never let the state choose the types to create
    /// (no type-driven deserialisation).
    /// </exception>
    ITokenVocabulary Load(string state);
}
