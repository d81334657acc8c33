using System.Text.RegularExpressions;
using LstmTerminal.Commands;

namespace LstmTerminal.Hosting;

/// <summary>
/// Named sets of settings shipped as <c>presets/NAME.json</c> beside the app, chosen with <c>--preset NAME</c> (or the
/// setting <c>Preset</c>); they sit between appsettings.json and the user's own environment and command line.
/// </summary>
public static partial class Presets
{
    public const string Key = "Preset";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "presets");

    public static IReadOnlyList<string> Known =>
        Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>The preset's file; the name is checked first so it cannot point outside the presets folder.</summary>
    public static string PathOf(string name)
    {
        var path = Path.Combine(Folder, name + ".json");
        return PresetName().IsMatch(name) && File.Exists(path)
            ? path
            : throw new UsageException($"There is no preset '{name}'. Known presets: {string.Join(", ", Known)}.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex PresetName();
}
