using System.Text;
using LstmTerminal.Views;

namespace LstmTerminal.Tests.Views;

public sealed class TextWrapTests
{
    [Fact]
    public void Wrap_CutsAWordWiderThanTheLine_BetweenCharacters_NotInsideASurrogatePair()
    {
        // Given one long word of an ASCII letter and mathematical letters, a surrogate pair each
        var word = "x" + string.Concat(Enumerable.Repeat("\U0001D41A", 12));

        // When
        var lines = TextWrap.Wrap(word, width: 6, indent: "  ").ToList();

        // Then every line holds whole characters, and together they hold the word
        Assert.All(lines, line => Assert.DoesNotContain(Rune.ReplacementChar, line.EnumerateRunes()));
        Assert.All(lines, line => Assert.InRange(line.Length, 1, 6));
        Assert.Equal(word, string.Concat(lines.Select((line, i) => i == 0 ? line : line[2..])));
    }
}
