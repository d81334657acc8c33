namespace LstmTerminal.Interactive;

/// <summary>
/// The completion console's lines. Continuations grow word by word from the generation thread while the UI timer
/// reads snapshots, so a growing line is found by its id rather than by an index that trimming would shift.
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

    /// <summary>Adds an empty continuation line and returns its id for <see cref="AppendWord"/>.</summary>
    public long StartContinuation() => Add(ContinuationIndent);

    public void AppendWord(long line, string word)
    {
        lock (_gate)
        {
            var index = _lines.FindLastIndex(l => l.Id == line);
            if (index < 0)
            {
                return;
            }

            var text = _lines[index].Text;
            word = TerminalText.Printable(word);
            _lines[index] = (line, text.Length == ContinuationIndent.Length ? text + word : text + " " + word);
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
            return _lines.Select(l => l.Text).ToList();
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
