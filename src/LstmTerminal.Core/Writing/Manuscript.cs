using LstmTerminal.Core.Files;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Writing;

/// <summary>
/// A text written with the model line by line: each addition is one line (a prime and its continuation), the last can
/// be taken back, and completions read its last words as context. Kept in <see cref="KeptAt"/> after every change,
/// whole or not at all, so it survives a restart and a kill. Safe from several threads.
/// </summary>
public sealed class Manuscript
{
    // Far more than anyone co-writes; a bigger file is not one this app kept.
    private const long MaxBytes = 16L * 1024 * 1024;

    public const string FileName = "manuscript.txt";

    private readonly Lock _gate = new();
    private readonly List<string> _lines;

    private Manuscript(string keptAt, List<string> lines)
    {
        KeptAt = keptAt;
        _lines = lines;
    }

    public string KeptAt { get; }

    public IReadOnlyList<string> Lines
    {
        get { lock (_gate) { return _lines.ToList(); } }
    }

    /// <summary>The manuscript kept in <paramref name="folder"/>, or an empty one when there is none.</summary>
    /// <exception cref="IOException">The kept manuscript cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The kept manuscript cannot be read.</exception>
    public static Manuscript Open(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var text = SmallTextFile.Read(path, MaxBytes) ?? "";
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        return new Manuscript(path, lines);
    }

    /// <summary>Adds a line and keeps the manuscript; the line stays in memory even when keeping it fails.</summary>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public void Append(string line)
    {
        lock (_gate)
        {
            _lines.Add(line.ReplaceLineEndings(" ").Trim());
            Keep();
        }
    }

    /// <summary>Takes back the last line and keeps the manuscript; null when it is empty.</summary>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public string? Undo()
    {
        lock (_gate)
        {
            if (_lines.Count == 0)
            {
                return null;
            }

            var last = _lines[^1];
            _lines.RemoveAt(_lines.Count - 1);
            Keep();
            return last;
        }
    }

    /// <summary>
    /// The manuscript's last <paramref name="words"/> space-separated words, for a completion's context; the model's
    /// tokenizer reads them as it reads the typed prime.
    /// </summary>
    public string Context(int words)
    {
        var all = string.Join('\n', Lines).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', all.Skip(Math.Max(0, all.Length - words)));
    }

    /// <summary>Writes the manuscript as plain text to <paramref name="path"/>; an existing file only with <paramref name="overwrite"/>.</summary>
    /// <exception cref="IOException">The file exists (without <paramref name="overwrite"/>) or cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written.</exception>
    public void SaveAs(string path, bool overwrite) => AtomicTextFile.Write(path, Text(), overwrite);

    private string Text()
    {
        lock (_gate)
        {
            return _lines.Count == 0 ? string.Empty : string.Join('\n', _lines) + "\n";
        }
    }

    private void Keep()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeptAt)!);
        AtomicTextFile.Write(KeptAt, Text());
    }
}
