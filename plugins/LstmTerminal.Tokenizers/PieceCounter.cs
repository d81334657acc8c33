using LstmTerminal.Abstractions;

namespace LstmTerminal.Tokenizers;

/// <summary>
/// Counts the distinct pieces (characters, words) of a text handed in one by one, in order, without a string per
/// occurrence; checks for cancellation and reports progress about once a megabyte.
/// </summary>
internal sealed class PieceCounter
{
    private const int ReportEvery = 1 << 20;

    private readonly string _stage;
    private readonly long _total;
    private readonly IProgress<TokenizerLearnProgress>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private long _done;
    private long _nextReport;

    /// <param name="total">The text's length: the pieces handed in add up to it.</param>
    public PieceCounter(string stage, long total, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken)
    {
        _stage = stage;
        _total = total;
        _progress = progress;
        _cancellationToken = cancellationToken;
        _lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void Add(ReadOnlySpan<char> piece)
    {
        if (_done >= _nextReport)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _progress?.Report(new TokenizerLearnProgress(_stage, _done, _total));
            _nextReport = _done + ReportEvery;
        }

        _lookup[piece] = _lookup.TryGetValue(piece, out var count) ? count + 1 : 1;
        _done += piece.Length;
    }

    /// <summary>Reports the stage done and returns each distinct piece with its count.</summary>
    public IReadOnlyDictionary<string, long> Finish()
    {
        _progress?.Report(new TokenizerLearnProgress(_stage, _total, _total));
        return _counts;
    }
}
