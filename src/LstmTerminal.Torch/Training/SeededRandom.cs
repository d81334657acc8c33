using static TorchSharp.torch;
using LstmTerminal.Core.Training;

namespace LstmTerminal.Torch.Training;

/// <summary>
/// libtorch's random generator is process-wide. Whoever seeds it and then draws from it (weight initialisation,
/// dropout) holds this gate, so two trainers in one process cannot interleave their draws and break a seed's promise.
/// </summary>
internal static class SeededRandom
{
    private static readonly Lock Gate = new();

    public static T Draw<T>(long seed, Func<T> draw)
    {
        lock (Gate)
        {
            manual_seed(seed);
            return draw();
        }
    }

    /// <summary>
    /// For draws whose values do not matter, such as the initial weights of a model that checkpoint weights replace
    /// next: they still take the gate, or they could shift a seeded run's draws on another thread.
    /// </summary>
    public static T DrawUnseeded<T>(Func<T> draw)
    {
        lock (Gate)
        {
            return draw();
        }
    }
}
