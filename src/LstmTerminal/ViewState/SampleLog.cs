using LstmTerminal.Torch.Training;

namespace LstmTerminal.ViewState;

/// <summary>The samples panel's state: the completions of the prime texts at each evaluation, newest first.</summary>
public sealed class SampleLog
{
    private const int MaxRounds = 50;

    private readonly Lock _gate = new();
    private readonly List<SamplesGenerated> _rounds = [];
    private long _version;

    public long Version
    {
        get { lock (_gate) { return _version; } }
    }

    public void Add(SamplesGenerated round)
    {
        lock (_gate)
        {
            // Primes come from the settings and a failed sample carries the sampler plugin's message.
            _rounds.Insert(0, round with
            {
                Samples = [.. round.Samples.Select(s => new TrainingSample(TerminalText.Printable(s.Prime), TerminalText.Printable(s.Continuation)))],
            });
            if (_rounds.Count > MaxRounds)
            {
                _rounds.RemoveAt(_rounds.Count - 1);
            }

            _version++;
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<SamplesGenerated> Snapshot()
    {
        lock (_gate)
        {
            return [.. _rounds];
        }
    }
}
