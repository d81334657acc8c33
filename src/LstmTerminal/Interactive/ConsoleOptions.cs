using System.ComponentModel.DataAnnotations;
using LstmTerminal.Core.Generation;

namespace LstmTerminal.Interactive;

/// <summary>The <c>Console</c> section: the terminal UI's console, its prediction strip and its manuscript.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>Whether the strip of next-word predictions shows under the prompt at start (<c>/suggest</c> changes it).</summary>
    public bool Suggest { get; set; } = true;

    /// <summary>How many of the manuscript's last words a completion and the strip read before the typed text.</summary>
    [Range(1, Generator.MaxPrimeWords, ErrorMessage = "Console:ContextWords must be between 1 and 1000.")]
    public int ContextWords { get; set; } = 50;
}
