using System.Text;
using LstmTerminal.Abstractions;

namespace LstmTerminal.Interactive;

/// <summary>
/// A continuation's text as pieces stream in, with a mark after every word that holds an unlikely piece: "word?" at the
/// word level, and at the character level the whole word once rather than each unlikely letter, so the text stays
/// readable. A word ends at whitespace; an unlikely piece of whitespace alone (a line break the model hardly
/// expected) marks the word it ends.
/// </summary>
public sealed class UnlikelyMarks
{
    /// <summary>The mark where the text never holds a question mark of its own (the word level).</summary>
    public const char QuestionMark = '?';

    /// <summary>The mark where it may ("Where?⸮"): a reversed question mark, which no corpus of this app writes.</summary>
    public const char ReversedQuestionMark = '⸮';

    private readonly StringBuilder _done = new();
    private readonly StringBuilder _word = new();
    private bool _wordUnlikely;

    /// <param name="textHasQuestionMarks">Whether a token of the vocabulary writes a question mark (any level that keeps punctuation).</param>
    public UnlikelyMarks(bool textHasQuestionMarks) => Mark = textHasQuestionMarks ? ReversedQuestionMark : QuestionMark;

    public char Mark { get; }

    /// <summary>Marks for a completion of <paramref name="vocabulary"/>'s model.</summary>
    public static UnlikelyMarks For(ITokenVocabulary vocabulary) =>
        new(Enumerable.Range(0, vocabulary.Count).Any(id => !vocabulary.ForbiddenIds.Contains(id) && vocabulary.DisplayText(id).Contains(QuestionMark)));

    /// <summary>The text so far, the word still growing marked already when it holds an unlikely piece.</summary>
    public string Text => _wordUnlikely ? $"{_done}{_word}{Mark}" : $"{_done}{_word}";

    public void Append(string piece, bool unlikely)
    {
        if (unlikely && string.IsNullOrWhiteSpace(piece))
        {
            _wordUnlikely |= _word.Length > 0;
        }

        foreach (var c in piece)
        {
            if (char.IsWhiteSpace(c))
            {
                EndWord();
                _done.Append(c);
                continue;
            }

            _word.Append(c);
            _wordUnlikely |= unlikely;
        }
    }

    private void EndWord()
    {
        _done.Append(_word);
        if (_wordUnlikely)
        {
            _done.Append(Mark);
        }

        _word.Clear();
        _wordUnlikely = false;
    }
}
