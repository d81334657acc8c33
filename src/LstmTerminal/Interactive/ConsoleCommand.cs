namespace LstmTerminal.Interactive;

/// <summary>One console command: how it is written, what it does, an example, and what it runs.</summary>
public sealed record ConsoleCommand
{
    /// <summary>What the user types first, e.g. <c>/words</c>.</summary>
    public required string Name { get; init; }

    /// <summary>How its argument is written, e.g. <c>N</c>; empty when it takes none.</summary>
    public string Arguments { get; init; } = "";

    /// <summary>What it does, with the current value where it sets one.</summary>
    public required Func<string> Describe { get; init; }

    public required string Example { get; init; }

    /// <summary>Runs it with its argument (null when none was typed).</summary>
    /// <returns>The completion it started (already complete for most commands), or null when the argument is not valid.</returns>
    public required Func<string?, CancellationToken, Task?> Run { get; init; }

    public string Usage => Arguments.Length == 0 ? Name : $"{Name} {Arguments}";
}
