using LstmTerminal.Core.Files;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Writing;

/// <summary>
/// A text written with the model addition by addition: each addition (a prime and its continuation) starts on a line of
/// its own and may hold line breaks (a speaker's name, verse lines); the last can be taken back, and completions read the
/// manuscript's last words as context. Kept in <see cref="KeptAt"/> after every change, whole or not at all, so it
/// survives a restart and a kill. Safe from several threads.
/// </summary>
/// <remarks>
/// The kept file holds one addition per line, its line breaks written as <c>\n</c> (and backslashes doubled) the way
/// a person types them in a prime, after a first line that says so; a file without that line is read as one addition
/// per line, as this app kept it before additions could hold line breaks.
/// </remarks>
public sealed class Manuscript
{
    // Far more than anyone co-writes; a bigger file is not one this app kept.
    private const long MaxBytes = 16L * 1024 * 1024;

    public const string FileName = "manuscript.txt";

    /// <summary>The kept file's first line, so a later version knows how its additions are written.</summary>
    public const string Header = "# lstm-terminal manuscript 2: one addition per line, \\n is a line break";

    private readonly Lock _gate = new();
    private readonly List<string> _additions;

    private Manuscript(string keptAt, List<string> additions)
    {
        KeptAt = keptAt;
        _additions = additions;
    }

    public string KeptAt { get; }

    /// <summary>The additions, oldest first, with their line breaks ("\n").</summary>
    public IReadOnlyList<string> Additions
    {
        get { lock (_gate) { return _additions.ToList(); } }
    }

    /// <summary>The manuscript kept in <paramref name="folder"/>, or an empty one when there is none.</summary>
    /// <exception cref="IOException">The kept manuscript cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The kept manuscript cannot be read.</exception>
    public static Manuscript Open(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var lines = (SmallTextFile.Read(path, MaxBytes) ?? "").Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var escaped = lines[0] == Header;
        var additions = lines.Skip(escaped ? 1 : 0).Where(l => l.Length > 0).Select(l => escaped ? PrimeEscapes.Read(l) : l).ToList();
        return new Manuscript(path, additions);
    }

    /// <summary>Adds a prime and its continuation and keeps the manuscript; the addition stays in memory even when keeping it fails.</summary>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public void Append(string addition)
    {
        var text = addition.ReplaceLineEndings("\n").Trim();
        if (text.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            _additions.Add(text);
            Keep();
        }
    }

    /// <summary>Takes back the last addition and keeps the manuscript; null when it is empty.</summary>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public string? Undo()
    {
        lock (_gate)
        {
            if (_additions.Count == 0)
            {
                return null;
            }

            var last = _additions[^1];
            _additions.RemoveAt(_additions.Count - 1);
            Keep();
            return last;
        }
    }

    /// <summary>
    /// The manuscript from its <paramref name="words"/>-th last whitespace-separated word to its end, as written (line
    /// breaks kept), for a completion's context; the model's tokenizer reads it as it reads the typed prime.
    /// </summary>
    public string Context(int words)
    {
        var text = Text().TrimEnd();
        var start = text.Length;
        for (var found = 0; found < words && start > 0;)
        {
            // Back over the whitespace before the word, then over the word itself.
            while (start > 0 && char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }

            while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }

            found++;
        }

        return text[start..];
    }

    /// <summary>Writes the manuscript as plain text to <paramref name="path"/>; an existing file only with <paramref name="overwrite"/>.</summary>
    /// <exception cref="IOException">The file exists (without <paramref name="overwrite"/>) or cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written.</exception>
    public void SaveAs(string path, bool overwrite) => AtomicTextFile.Write(path, Text(), overwrite);

    /// <summary>The additions, each from a new line, as a reader sees them.</summary>
    private string Text()
    {
        lock (_gate)
        {
            return _additions.Count == 0 ? string.Empty : string.Join('\n', _additions) + "\n";
        }
    }

    private void Keep()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeptAt)!);
        AtomicTextFile.Write(KeptAt, string.Concat(_additions.Select(a => PrimeEscapes.Write(a) + "\n").Prepend(Header + "\n")));
    }
}
