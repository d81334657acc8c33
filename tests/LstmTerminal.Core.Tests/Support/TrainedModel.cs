using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Core.Tests.Support;

/// <summary>One tiny model trained once for the generator tests of a class.</summary>
public sealed class TrainedModel : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly Trainer _trainer;

    public TrainedModel()
    {
        _trainer = Trainer.Start(Plans.Tiny(_temp.Combine("ckpt"), epochs: 3));
        _trainer.Run(null, CancellationToken.None);
    }

    public string CheckpointDirectory => _temp.Combine("ckpt");

    public Generator CreateGenerator() => _trainer.CreateGenerator();

    public void Dispose()
    {
        _trainer.Dispose();
        _temp.Dispose();
    }
}
