using System.Text;
using Microsoft.Extensions.Logging;

namespace LstmTerminal.Hosting;

/// <summary>
/// Stands in for <c>Console.Out</c> or <c>Console.Error</c>: collects what is written into lines and logs each one
/// with its control characters made visible. Lines written while no log is attached wait (the last thousand) for one.
/// </summary>
internal sealed class CapturedConsoleWriter(string stream) : TextWriter
{
    // A writer that never ends a line must not grow without bound.
    private const int MaxLineLength = 4096;
    private const int MaxWaitingLines = 1000;

    private readonly Lock _gate = new();
    private readonly StringBuilder _line = new();
    private readonly Queue<string> _waiting = new();
    private ILogger? _log;

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Logs the waiting lines to <paramref name="log"/> and every later one; null keeps them waiting again.</summary>
    public void Attach(ILogger? log)
    {
        lock (_gate)
        {
            _log = log;
            while (_log is not null && _waiting.TryDequeue(out var line))
            {
                Log(line);
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            Append(value);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new ReadOnlySpan<char>(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_gate)
        {
            foreach (var c in buffer)
            {
                Append(c);
            }
        }
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Flush()
    {
        lock (_gate)
        {
            if (_line.Length > 0)
            {
                EndLine();
            }
        }
    }

    private void Append(char c)
    {
        if (c == '\n')
        {
            EndLine();
        }
        else if (c != '\r')
        {
            _line.Append(c);
            if (_line.Length >= MaxLineLength)
            {
                EndLine();
            }
        }
    }

    private void EndLine()
    {
        var line = TerminalText.Printable(_line.ToString());
        _line.Clear();
        if (_log is not null)
        {
            Log(line);
            return;
        }

        _waiting.Enqueue(line);
        if (_waiting.Count > MaxWaitingLines)
        {
            _waiting.Dequeue();
        }
    }

    private void Log(string line) => _log!.LogWarning("Written to {Stream} (by a plugin?): {Line}", stream, line);
}
