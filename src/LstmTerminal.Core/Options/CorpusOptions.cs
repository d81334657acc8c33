using System.ComponentModel.DataAnnotations;

namespace LstmTerminal.Core.Options;

public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    [Required(ErrorMessage = "Corpus:Provider must name a corpus plugin, e.g. gutenberg-shakespeare or text-file.")]
    public string Provider { get; set; } = "gutenberg-shakespeare";

    public string? Path { get; set; }

    /// <summary>
    /// The provider loaded instead when <see cref="Provider"/> faults (throws or misses <see cref="LoadTimeout"/>);
    /// empty turns the fallback off. Names are checked against the loaded plugins only when a fallback is needed.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]*$",
        ErrorMessage = "Corpus:FallbackProvider must be a corpus plugin name (letters, digits, '.', '_' or '-'), e.g. gutenberg-shakespeare, or empty to turn the fallback off.")]
    public string? FallbackProvider { get; set; } = "gutenberg-shakespeare";

    /// <summary>How long a corpus plugin may take to hand back its text (a download included).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Corpus:LoadTimeout must be a duration between 00:00:01 and 1.00:00:00.")]
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
