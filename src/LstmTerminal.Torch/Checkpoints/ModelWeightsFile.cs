using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Torch.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmTerminal.Torch.Checkpoints;

/// <summary>
/// <c>model.bin</c> and <c>training-weights.bin</c> written from and read into a <see cref="LstmLanguageModel"/>, under
/// the format's tensor names (<see cref="WeightNames"/>) rather than the model's field names. The bytes are those of
/// TorchSharp's <c>Module.save</c>, so checkpoints of every build read alike.
/// </summary>
internal static class ModelWeightsFile
{
    public static void Write(LstmLanguageModel model, string path)
    {
        var weights = model.NamedWeights();
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        // Module.save's count is unsigned LEB128, which is what the 7-bit encoding writes for a non-negative number.
        writer.Write7BitEncodedInt64(weights.Count);
        foreach (var (name, weight) in weights)
        {
            writer.Write(name);
            weight.Save(writer);
        }
    }

    /// <summary>Replaces the model's weights with the file's, which must be exactly the tensors of its shape.</summary>
    /// <exception cref="InvalidDataException">The file is truncated, garbled or holds another model's tensors.</exception>
    public static void Load(LstmLanguageModel model, string path)
    {
        var tensors = WeightsFile.ReadTensors(path, model.Shape);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (name, weight) in model.NamedWeights())
        {
            weight.copy_(tensor(tensors[name], weight.shape));
        }
    }
}
