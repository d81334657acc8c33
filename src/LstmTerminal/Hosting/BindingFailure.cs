using System.Text.RegularExpressions;

namespace LstmTerminal.Hosting;

/// <summary>
/// Rewrites the configuration binder's "Failed to convert" message, which names a .NET type, into one that says
/// what the setting accepts.
/// </summary>
internal static partial class BindingFailure
{
    /// <summary>How the binder's message starts.</summary>
    public const string ConvertPrefix = "Failed to convert configuration value";

    /// <param name="binderMessage">The binder's message.</param>
    /// <param name="sections">The settings sections; the one the key belongs to tells what the setting accepts.</param>
    public static string Describe(string binderMessage, IEnumerable<SettingsSection> sections)
    {
        var match = ConvertMessage().Match(binderMessage);
        if (!match.Success)
        {
            return binderMessage;
        }

        var key = match.Groups["key"].Value;
        var separator = key.LastIndexOf(':');
        var options = sections.FirstOrDefault(s => s.Name is null || key[..Math.Max(separator, 0)].Equals(s.Name, StringComparison.OrdinalIgnoreCase))?.Options;
        var property = options?.GetProperty(key[(separator + 1)..]);
        var accepted = property is null ? null : Accepted(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
        return accepted is null
            ? binderMessage
            : $"The setting {key} cannot be '{match.Groups["value"].Value}'; it takes {accepted}.";
    }

    private static string? Accepted(Type type) => type switch
    {
        { IsEnum: true } => "one of: " + string.Join(", ", Enum.GetNames(type)),
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) => "a number such as 0.5",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(TimeSpan) => "a duration such as 00:10:00",
        _ => null,
    };

    [GeneratedRegex("^" + ConvertPrefix + " '(?<value>.*)' at '(?<key>[^']+)' to type")]
    private static partial Regex ConvertMessage();
}

/// <summary>A settings section and the options type it binds to; <see cref="Name"/> null when only the type is known.</summary>
internal sealed record SettingsSection(Type Options, string? Name = null);
