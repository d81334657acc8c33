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
    public static string Read(string typed)
    {
        if (!typed.Contains('\\'))
        {
            return typed;
        }

        var text = new StringBuilder(typed.Length);
        for (var i = 0; i < typed.Length; i++)
        {
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

    /// <summary>What to type for <paramref name="text"/>, so that <see cref="Read"/> gives it back.</summary>
    public static string Write(string text) => text.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);
}
