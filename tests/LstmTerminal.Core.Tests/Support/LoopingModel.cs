using LstmTerminal.Abstractions;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Core.Tests.Support;

/// <summary>
/// A tiny model trained on <see cref="TinyCorpus"/> plus long runs of "ha", so greedy decoding after "ha ha ha"
/// loops on one word, the failure the repetition controls exist for.
/// </summary>
public sealed class LoopingModel : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly Trainer _trainer;

    public LoopingModel()
    {
        var laughter = "the lady doth laugh " + string.Join(' ', Enumerable.Repeat("ha", 30)) + ".";
        var text = string.Join('\n', TinyCorpus.Text(20).Split('\n').SelectMany((line, i) => i % 3 == 0 ? [line, laughter] : new[] { line }));
        _trainer = Trainer.Start(Plans.Tiny(_temp.Combine("ckpt"), epochs: 3, text: new Corpus("looping", text, "memory")));
        _trainer.Run(null, CancellationToken.None);
    }

    public Generator CreateGenerator() => _trainer.CreateGenerator();

    public void Dispose()
    {
        _trainer.Dispose();
        _temp.Dispose();
    }
}
