using LstmTerminal.Abstractions;

namespace LstmTerminal.Plugins.Tests.Support;

/// <summary>Texts that tokenizers get wrong first, and vocabularies learned once per test run.</summary>
internal static class TokenizerTexts
{
    /// <summary>
    /// Emoji with a skin tone, a ZWJ family and flags; CJK with two extension-B characters outside the BMP (U+2000B,
    /// U+20BB7); combining marks, stacked too; CRLF, LF, CR, blank lines, tabs and runs of spaces.
    /// </summary>
    public const string Unicode =
        "Thou art 👍🏽 and 👨‍👩‍👧‍👦 under 🇫🇷🇯🇵 flags;\r\n日本語の文章、𠀋 𠮷野家。\r\nCafe\u0301 nai\u0308ve Z\u0351\u0362a\u0336\u0321l\u0335go\n\n\ta\rb\r\n\r\n  end  ";

    private static readonly Dictionary<string, Lazy<Task<ITokenVocabulary>>> OnCorpus = new()
    {
        ["words"] = new(() => LearnAsync("words", Corpus)),
        ["characters"] = new(() => LearnAsync("characters", Corpus)),
        ["subwords"] = new(() => LearnAsync("subwords", Corpus)),
    };

    private static readonly Lazy<string> LazyCorpus = new(() => File.ReadAllText(SharedData.TinyShakespeare));

    /// <summary>The whole of tinyshakespeare.</summary>
    public static string Corpus => LazyCorpus.Value;

    /// <summary>The shipped tokenizer's vocabulary learned with default settings on <see cref="Corpus"/>, shared by the tests.</summary>
    public static Task<ITokenVocabulary> LearnedOnCorpusAsync(string tokenizer) => OnCorpus[tokenizer].Value;

    public static Task<ITokenVocabulary> LearnAsync(string tokenizer, string text, params (string Key, string Value)[] settings) =>
        ShippedPlugins.Tokenizer(tokenizer, settings).LearnAsync(text, null, CancellationToken.None);

    /// <summary>The text each id adds after the ones before it, joined: what a console shows as a completion streams in.</summary>
    public static string Streamed(ITokenVocabulary vocabulary, int[] ids) =>
        string.Concat(ids.Select((id, i) => vocabulary.DecodePiece(ids.AsSpan(0, i), id)));
}
