using LstmTerminal.Core.Model;

namespace LstmTerminal.Torch.Training;

/// <summary>
/// The weights as other threads see them while training goes on. A training step holds the weights for its whole
/// length (0.2 s at the recipe's size, validation longer); a reader never waits for it: when the weights are busy it
/// gets the copy published between steps, which is kept at most <see cref="RefreshInterval"/> old once anyone reads.
/// </summary>
/// <param name="export">Copies the weights inference uses out of the model; called only while they are held.</param>
public sealed class PublishedWeights(Func<ModelWeights> export, TimeProvider clock)
{
    /// <summary>How old the copy a reader gets may be, once anyone has asked for one.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private ModelWeights? _published;
    private long _publishedAt;
    private volatile bool _hasReaders;

    // Counts the holds, under the gate: a copy made since the last one is still the current weights.
    private long _holds;
    private long _publishedHolds = -1;

    /// <summary>Held while the weights change (a training step, validation, a save); readers get the published copy meanwhile.</summary>
    public Lock.Scope Hold()
    {
        var scope = _gate.EnterScope();
        _holds++;
        return scope;
    }

    /// <summary>
    /// For any thread: a copy of the current weights if they are free, else the last published copy. Copies only when
    /// the weights were held since the last copy: an idle model is copied once, however often it is read.
    /// </summary>
    public ModelWeights Read()
    {
        _hasReaders = true;
        if (_gate.TryEnter())
        {
            try
            {
                return Publish();
            }
            finally
            {
                _gate.Exit();
            }
        }

        // A run publishes before its first step, so only a call racing that can find nothing; it waits for the copy.
        return Volatile.Read(ref _published) ?? PublishWhenFree();
    }

    /// <summary>Publishes a copy of the current weights, waiting until they are free, and returns it.</summary>
    public ModelWeights PublishWhenFree()
    {
        using (_gate.EnterScope())
        {
            return Publish();
        }
    }

    /// <summary>Between steps: keeps the published copy fresh while something reads it, and only then.</summary>
    public void RefreshIfRead()
    {
        if (_hasReaders && clock.GetElapsedTime(Volatile.Read(ref _publishedAt)) >= RefreshInterval)
        {
            PublishWhenFree();
        }
    }

    /// <summary>Called with the gate held.</summary>
    private ModelWeights Publish()
    {
        if (_published is { } current && _publishedHolds == _holds)
        {
            return current;
        }

        var weights = export();
        _publishedHolds = _holds;
        Volatile.Write(ref _published, weights);
        Volatile.Write(ref _publishedAt, clock.GetTimestamp());
        return weights;
    }
}
