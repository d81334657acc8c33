using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Torch.Tests.Checkpoints;

/// <summary>The TorchSharp loader builds no model before the manifest has passed the reader's checks (Core's tests hold the rest).</summary>
public sealed class ManifestValidationTests
{
    [Fact]
    public async Task Load_RefusesAManifestAskingForABillionLayers_BeforeBuildingAnything()
    {
        // Given a manifest asking for a billion layers
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp);
        SavedCheckpoint.EditManifest(directory, manifest => manifest["model"]!["layers"] = 1_000_000_000);

        // When it is loaded for training
        var error = await Bounded.ThrowsAsync<CheckpointException>(() => new CheckpointStore(directory).Load(TokenizerPlugins.Catalog).Model.Dispose());

        // Then it is refused in one line, at once
        Assert.Contains("checkpoint.json", error.Message);
        Assert.Contains("Model:Layers", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
