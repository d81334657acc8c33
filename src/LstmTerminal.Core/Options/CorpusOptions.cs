using System.ComponentModel.DataAnnotations;

namespace LstmTerminal.Core.Options;

public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    public const string DefaultProvider = "gutenberg-shakespeare";

    /// <summary>The provider that reads a path the user gives without naming a provider.</summary>
    public const string PathProvider = "text-file";

    /// <summary>The corpus plugin the user named, if any; <see cref="ProviderToLoad"/> is the one that runs.</summary>
    public string? Provider { get; set; }

    /// <summary>A file or folder to train on; without a named <see cref="Provider"/> it selects <see cref="PathProvider"/>.</summary>
    public string? Path { get; set; }

    /// <summary>The named provider; else <see cref="PathProvider"/> when a path is given; else <see cref="DefaultProvider"/>.</summary>
    public string ProviderToLoad =>
        !string.IsNullOrWhiteSpace(Provider) ? Provider
        : !string.IsNullOrWhiteSpace(Path) ? PathProvider
        : DefaultProvider;

    /// <summary>
    /// The provider loaded instead when <see cref="Provider"/> faults (throws or misses <see cref="LoadTimeout"/>);
    /// empty turns the fallback off. Names are checked against the loaded plugins only when a fallback is needed.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]*$",
        ErrorMessage = "Corpus:FallbackProvider must be a corpus plugin name (letters, digits, '.', '_' or '-'), e.g. gutenberg-shakespeare, or empty to turn the fallback off.")]
    public string? FallbackProvider { get; set; } = DefaultProvider;

    /// <summary>How long a corpus plugin may take to hand back its text (a download included).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Corpus:LoadTimeout must be a duration between 00:00:01 and 1.00:00:00.")]
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
