using LstmTerminal.Abstractions;

namespace LstmTerminal.Commands;

/// <summary>Corpus download/read progress for stderr, one line per stage and roughly every 10%.</summary>
public sealed class CorpusProgressPrinter(TextWriter error) : IProgress<CorpusLoadProgress>
{
    private string? _stage;
    private int _lastTenth = -1;

    public void Report(CorpusLoadProgress value)
    {
        var tenth = value.BytesTotal is > 0 ? (int)(10 * value.BytesDone / value.BytesTotal.Value) : -1;
        if (value.Stage == _stage && tenth == _lastTenth)
        {
            return;
        }

        _stage = value.Stage;
        _lastTenth = tenth;
        var total = value.BytesTotal is { } bytes ? $" of {bytes:N0}" : string.Empty;
        error.WriteLine($"{value.Stage}: {value.BytesDone:N0}{total} bytes");
    }
}
