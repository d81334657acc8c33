using System.Diagnostics;
using static TorchSharp.torch;

namespace LstmTerminal.Torch.Bench;

/// <summary>The machine's float32 matrix-multiply rate: the ceiling any training step can approach.</summary>
public static class GemmProbe
{
    public static double Gflops(int size = 2048, int repetitions = 8)
    {
        using var scope = NewDisposeScope();
        var a = randn(size, size);
        var b = randn(size, size);
        matmul(a, b).Dispose();
        var times = new List<double>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            matmul(a, b).Dispose();
            times.Add(clock.Elapsed.TotalSeconds);
        }

        return 2.0 * size * size * size / Median.Of(times) / 1e9;
    }
}
