using System.Globalization;
using LstmTerminal.Abstractions;

namespace LstmTerminal.Corpus.Gutenberg;

/// <summary>The provider's settings (<c>Plugins:gutenberg-shakespeare:*</c>), read and checked when a load starts.</summary>
internal sealed record GutenbergSettings(Uri Url, string CacheDirectory, int Retries, TimeSpan Timeout, TimeSpan RetryDelay)
{
    public const string DefaultUrl = "https://www.gutenberg.org/cache/epub/100/pg100.txt";

    public static GutenbergSettings Read(PluginContext context, string pluginName)
    {
        string? Get(string key) => context.GetSetting(pluginName, key);

        var urlText = Get("Url") ?? DefaultUrl;
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw Invalid(pluginName, "Url", urlText, "an absolute http or https URL");
        }

        var cacheDirectory = Path.GetFullPath(Get("CacheDirectory") ?? Path.Combine("cache", "gutenberg"));
        var retries = ReadNumber(pluginName, "Retries", Get("Retries"), 3, 0, 10, wholeNumber: true);
        var timeout = ReadNumber(pluginName, "TimeoutSeconds", Get("TimeoutSeconds"), 60, 0.1, 3600);
        var retryDelay = ReadNumber(pluginName, "RetryDelaySeconds", Get("RetryDelaySeconds"), 1, 0, 60);
        return new GutenbergSettings(url, cacheDirectory, (int)retries, TimeSpan.FromSeconds(timeout), TimeSpan.FromSeconds(retryDelay));
    }

    private static double ReadNumber(string pluginName, string key, string? text, double fallback, double min, double max, bool wholeNumber = false)
    {
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
               && value >= min && value <= max && (!wholeNumber || value == Math.Floor(value))
            ? value
            : throw Invalid(pluginName, key, text, $"a {(wholeNumber ? "whole number" : "number")} from {min} to {max}");
    }

    private static CorpusUnavailableException Invalid(string pluginName, string key, string value, string expected) =>
        new($"The setting Plugins:{pluginName}:{key} is '{value}'; it must be {expected}.");
}
