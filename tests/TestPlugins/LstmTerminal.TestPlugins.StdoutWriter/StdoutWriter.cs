using System.Runtime.CompilerServices;
using LstmTerminal.Abstractions;

namespace LstmTerminal.TestPlugins.StdoutWriter;

public sealed class StdoutWriter : ISampler
{
    // Clears the screen, retitles the terminal and rings the bell, wherever it is written raw.
    public const string Hostile = "\u001b[2J\u001b]0;owned by writes-stdout\u0007";

    public StdoutWriter()
    {
        Console.WriteLine($"{Hostile}writes-stdout constructor");
        Console.Error.WriteLine($"{Hostile}writes-stdout constructor on stderr");
    }

    public string Name => "writes-stdout";

    public string Description => $"{Hostile}Writes escape sequences to standard output and error, then answers like greedy.";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        Console.Write($"{Hostile}writes-stdout next");
        var best = -1;
        for (var id = 0; id < logits.Length; id++)
        {
            if (!context.ForbiddenTokens.Contains(id) && (best < 0 || logits[id] > logits[best]))
            {
                best = id;
            }
        }

        return best;
    }
}

internal static class ModuleStart
{
#pragma warning disable CA2255 // Hostile on purpose: a library that runs code as soon as it is loaded.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Run() => Console.Out.WriteLine($"{StdoutWriter.Hostile}writes-stdout module initializer");
}
