using System.Globalization;
using LstmTerminal.Abstractions;

namespace LstmTerminal.Plugins.Shared;

/// <summary>Reads a plugin's numeric setting, refusing a bad value with a message that names the key and its range.</summary>
internal static class PluginSetting
{
    public static int Int(PluginContext context, string plugin, string key, int fallback, int min, int max)
    {
        var text = context.GetSetting(plugin, key);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"Plugins:{plugin}:{key} must be a whole number between {min} and {max}, not '{text}'.");
    }

    /// <summary>A number in (<paramref name="exclusiveMin"/>, <paramref name="max"/>].</summary>
    public static double Double(PluginContext context, string plugin, string key, double fallback, double exclusiveMin, double max)
    {
        var text = context.GetSetting(plugin, key);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > exclusiveMin && value <= max
            ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Plugins:{plugin}:{key} must be a number greater than {exclusiveMin} and at most {max}, not '{text}'."));
    }
}
