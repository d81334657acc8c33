namespace LstmTerminal.Corpus.Gutenberg;

/// <summary>The ebook's text without the Gutenberg header and licence, and what the user should know about the cut.</summary>
internal sealed record GutenbergBody(string Text, IReadOnlyList<string> Notices);
