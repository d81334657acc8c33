using System.ComponentModel.DataAnnotations;

namespace LstmTerminal.Core.Options;

public sealed class PluginOptions
{
    public const string Section = "Plugins";

    /// <summary>Relative paths are resolved against the app's own folder, where the build places the shipped plugins.</summary>
    [Required(ErrorMessage = "Plugins:Directory must name a folder.")]
    public string Directory { get; set; } = "plugins";
}
