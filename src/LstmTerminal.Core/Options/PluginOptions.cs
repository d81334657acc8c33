using System.ComponentModel.DataAnnotations;

namespace LstmTerminal.Core.Options;

public sealed class PluginOptions
{
    public const string Section = "Plugins";

    /// <summary>Relative paths are resolved against the app's own folder, where the build places the shipped plugins.</summary>
    [Required(ErrorMessage = "Plugins:Directory must name a folder.")]
    public string Directory { get; set; } = "plugins";

    /// <summary>
    /// The user's own plugins, scanned after <see cref="Directory"/>; unset means the <c>plugins</c> folder of the user
    /// data folder (<c>$XDG_DATA_HOME/lstm-terminal/plugins</c>). Relative paths count from the working folder.
    /// </summary>
    public string? UserDirectory { get; set; }

    /// <summary>How long creating one plugin (its constructor, Name and Description) may take before it is given up.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Plugins:LoadTimeout must be a duration between 00:00:01 and 00:10:00.")]
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
