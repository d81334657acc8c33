using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Torch.Tests.Checkpoints;

/// <summary>Oversized JSON files are refused by their size, before any parsing; the files stay as they are.</summary>
public sealed class CheckpointSizeLimitTests
{
    [Theory]
    [InlineData("checkpoint.json", 64L * 1024 * 1024 + 1, "larger than a checkpoint manifest can be")]
    [InlineData("vocab.json", 256L * 1024 * 1024 + 1, "more than a vocabulary file can be")]
    public void Load_RefusesAnOversizedJsonFile_WithoutReadingIt(string file, long length, string expected)
    {
        using var temp = new TempDirectory();
        using (var trainer = Trainer.Start(Plans.Tiny(temp.Combine("ckpt"), maxSteps: 2)))
        {
            trainer.Run(null, CancellationToken.None);
        }

        var checkpoint = temp.Combine("ckpt");
        var isManifest = file == "checkpoint.json";
        var path = isManifest ? SavedCheckpoint.ManifestPath(checkpoint) : SavedCheckpoint.File(checkpoint, file);
        // A sparse file: the length is what counts, and writing hundreds of megabytes would only slow the test.
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(length);
        }

        if (!isManifest)
        {
            // Past the save's recorded size, to the reader's own limit.
            SavedCheckpoint.Reseal(checkpoint);
        }

        var error = Assert.Throws<CheckpointException>(() => new CheckpointStore(temp.Combine("ckpt")).Load());
        Assert.Contains(expected, error.Message);
        Assert.Contains(file, error.Message);
        Assert.Equal(length, new FileInfo(path).Length);
    }
}
