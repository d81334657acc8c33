using System.Text;

namespace LstmTerminal.Core.Text;

/// <summary>
/// How a person types a line break into a one-line prime, on the command line and in the console alike: <c>\n</c> is a
/// line break and <c>\\</c> a backslash; any other backslash stays as typed.
/// </summary>
public static class PrimeEscapes
{
    public const string Help = @"\n in a phrase is a line break (e.g. ""ROMEO:\n"" at the character level), \\ a backslash";

    /// <summary>The text the model reads for what was typed.</summary>
    public static string Read(string typed) => typed.Contains('\\') ? Read(typed, null) : typed;

    /// <summary>
    /// The text the model reads for what was typed, with where each of its characters was typed: a part of the text
    /// read, from <c>i</c> to <c>j</c>, was typed from <c>typedOffsets[i]</c> to <c>typedOffsets[j]</c>.
    /// </summary>
    /// <param name="typedOffsets">One offset into <paramref name="typed"/> per character of the text read, then the typed length.</param>
    public static string Read(string typed, out int[] typedOffsets)
    {
        var offsets = new List<int>(typed.Length + 1);
        var text = Read(typed, offsets);
        offsets.Add(typed.Length);
        typedOffsets = [.. offsets];
        return text;
    }

    private static string Read(string typed, List<int>? typedOffsets)
    {
        var text = new StringBuilder(typed.Length);
        for (var i = 0; i < typed.Length; i++)
        {
            typedOffsets?.Add(i);
            var next = i + 1 < typed.Length ? typed[i + 1] : '\0';
            if (typed[i] == '\\' && next is 'n' or '\\')
            {
                text.Append(next == 'n' ? '\n' : '\\');
                i++;
            }
            else
            {
                text.Append(typed[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>What to type for <paramref name="text"/>, so that <see cref="Read(string)"/> gives it back.</summary>
    public static string Write(string text) => text.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);
}
