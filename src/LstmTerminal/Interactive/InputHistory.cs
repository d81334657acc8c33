namespace LstmTerminal.Interactive;

/// <summary>Earlier console inputs for Up/Down recall, like a shell: Down past the newest gives an empty line.</summary>
public sealed class InputHistory
{
    private readonly List<string> _entries = [];
    private int _position;

    public void Add(string entry)
    {
        if (_entries.Count == 0 || _entries[^1] != entry)
        {
            _entries.Add(entry);
        }

        _position = _entries.Count;
    }

    /// <summary>The entry before the current one, or null when there is none.</summary>
    public string? Previous()
    {
        if (_entries.Count == 0)
        {
            return null;
        }

        _position = Math.Max(0, _position - 1);
        return _entries[_position];
    }

    /// <summary>The entry after the current one; empty after the newest.</summary>
    public string? Next()
    {
        if (_entries.Count == 0)
        {
            return null;
        }

        _position = Math.Min(_entries.Count, _position + 1);
        return _position < _entries.Count ? _entries[_position] : string.Empty;
    }
}
