using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace LstmTerminal.Tests.Support;

/// <summary>
/// Damages a checkpoint's <c>model.bin</c> the way a diverged run leaves it: every weight NaN, the layout intact, and
/// the manifest's size and SHA-256 of the file updated to match, so only the numbers are wrong. The file is
/// TorchSharp's <c>Module.save</c> format: a LEB128 count, then per tensor a name (a 7-bit length, then UTF-8),
/// element type, rank, sizes and raw float32 data.
/// </summary>
internal static class NaNWeights
{
    public static void Fill(string checkpointDirectory)
    {
        var manifestPath = Path.Combine(checkpointDirectory, "checkpoint.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var data = manifest["data"]!;
        var modelBin = Path.Combine(checkpointDirectory, data["folder"]!.GetValue<string>(), "model.bin");
        FillFile(modelBin);
        var entry = data["files"]!.AsArray().Single(file => file!["name"]!.GetValue<string>() == "model.bin")!;
        entry["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(modelBin)));
        File.WriteAllText(manifestPath, manifest.ToJsonString());
    }

    private static void FillFile(string modelBin)
    {
        using var file = new FileStream(modelBin, FileMode.Open, FileAccess.ReadWrite);
        using var reader = new BinaryReader(file, Encoding.UTF8, leaveOpen: true);
        using var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true);
        var tensors = reader.Read7BitEncodedInt64();
        for (var t = 0; t < tensors; t++)
        {
            reader.ReadString();
            reader.Read7BitEncodedInt64();
            var elements = 1L;
            for (var rank = reader.Read7BitEncodedInt64(); rank > 0; rank--)
            {
                elements *= reader.Read7BitEncodedInt64();
            }

            for (var i = 0; i < elements; i++)
            {
                writer.Write(float.NaN);
            }
        }

        Assert.Equal(file.Length, file.Position);
    }
}
