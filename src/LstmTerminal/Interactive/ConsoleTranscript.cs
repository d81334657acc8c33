namespace LstmTerminal.Interactive;

/// <summary>
/// The completion console's lines. Continuations grow piece by piece from the generation thread while the UI timer
/// reads snapshots, so a growing line is found by its id rather than by an index that trimming would shift. A line break
/// in a continuation (a speaker's name on its own line) starts a new line of the snapshot, indented like the first.
/// </summary>
public sealed class ConsoleTranscript
{
    private const int MaxLines = 1000;
    private const string ContinuationIndent = "  ";

    private readonly Lock _gate = new();
    private readonly List<(long Id, string Text)> _lines = [];
    private long _nextId;
    private long _version;

    public long Version
    {
        get { lock (_gate) { return _version; } }
    }

    public void AddPrime(string prime) => Add("> " + prime);

    public void AddNotice(string message) => Add("· " + message);

    public void AddError(string message) => Add("! " + message);

    /// <summary>Adds an empty continuation line and returns its id for <see cref="ShowContinuation"/>.</summary>
    public long StartContinuation() => Add(ContinuationIndent);

    /// <summary>
    /// Shows <paramref name="text"/> (the continuation so far, line breaks included) on the continuation line; the space or
    /// line break that joins it to the prime is left out, as the continuation starts on a line of its own.
    /// </summary>
    public void ShowContinuation(long line, string text)
    {
        text = ContinuationIndent + TerminalText.Printable(text.TrimStart(' ', '\r', '\n'));
        lock (_gate)
        {
            var index = _lines.FindLastIndex(l => l.Id == line);
            if (index < 0)
            {
                return;
            }

            _lines[index] = (line, text);
            _version++;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _lines.Clear();
            _version++;
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate)
        {
            return _lines.SelectMany(l => l.Text.ReplaceLineEndings("\n").Split('\n').Select((part, i) => i == 0 ? part : ContinuationIndent + part)).ToList();
        }
    }

    private long Add(string text)
    {
        text = TerminalText.Printable(text);
        lock (_gate)
        {
            var id = _nextId++;
            _lines.Add((id, text));
            if (_lines.Count > MaxLines)
            {
                _lines.RemoveAt(0);
            }

            _version++;
            return id;
        }
    }
}
