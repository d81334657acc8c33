using LstmTerminal.Core.Generation;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Tests.Support;

/// <summary>A tiny model on <see cref="TinyCorpus"/>, trained for a given number of steps (0 = untrained, near-uniform).</summary>
public sealed class TinyModel : IGeneratorSource, IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly Trainer _trainer;

    public TinyModel(int steps)
    {
        _trainer = Trainer.Start(Plans.Tiny(_temp.Combine("ckpt"), epochs: 10, maxSteps: Math.Max(1, steps), saveEvery: 100_000, evalEvery: 100_000));
        if (steps > 0)
        {
            _trainer.Run(null, CancellationToken.None);
        }
    }

    public Generator? TryCreateGenerator() => _trainer.CreateGenerator();

    public void Dispose()
    {
        _trainer.Dispose();
        _temp.Dispose();
    }
}
