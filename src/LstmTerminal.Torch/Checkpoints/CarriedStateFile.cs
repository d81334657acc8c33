using LstmTerminal.Core.Model;
using TorchSharp;
using static TorchSharp.torch;
using LstmTerminal.Torch.Model;
using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Torch.Checkpoints;

/// <summary>
/// <c>lstm-state.bin</c>: the hidden and the cell state, each a <c>[Layers, BatchSize, RnnSize]</c> float32 tensor in
/// TorchSharp's <c>Tensor.Save</c> format. Read with the managed reader and checked against the run's shape first: a
/// state of another batch size or model would otherwise fail deep inside libtorch at the first step.
/// </summary>
internal static class CarriedStateFile
{
    public static void Write(LstmState state, string path)
    {
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        state.Hidden.Save(writer);
        state.Cell.Save(writer);
    }

    /// <exception cref="InvalidDataException">The file is truncated or holds a state of another shape; the message says which.</exception>
    public static LstmState Read(string path, int layers, int batchSize, int rnnSize)
    {
        long[] sizes = [layers, batchSize, rnnSize];
        var (hidden, cell) = SavedTensorReader.ReadFile(path, reader =>
            (reader.ReadFloats(reader.ReadFloatHeader("hidden state", sizes)), reader.ReadFloats(reader.ReadFloatHeader("cell state", sizes))));
        return new LstmState(tensor(hidden, sizes), tensor(cell, sizes));
    }
}
