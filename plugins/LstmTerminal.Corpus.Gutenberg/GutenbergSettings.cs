using System.Globalization;
using LstmTerminal.Abstractions;

namespace LstmTerminal.Corpus.Gutenberg;

/// <summary>The provider's settings (<c>Plugins:gutenberg-shakespeare:*</c>), read and checked when a load starts.</summary>
internal sealed record GutenbergSettings
{
    public const string DefaultUrl = "https://www.gutenberg.org/cache/epub/100/pg100.txt";

    public required Uri Url { get; init; }

    /// <summary>Where the download is kept; the host's per-plugin cache folder unless the setting names another.</summary>
    public required string CacheDirectory { get; init; }

    public required int Retries { get; init; }

    /// <summary>How long one attempt may take, download included.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>How long the connection may take; short, so an offline start falls back to the bundled copy quickly.</summary>
    public required TimeSpan ConnectTimeout { get; init; }

    public required TimeSpan RetryDelay { get; init; }

    public static GutenbergSettings Read(PluginContext context, string pluginName)
    {
        string? Get(string key) => context.GetSetting(pluginName, key);

        var urlText = Get("Url") ?? DefaultUrl;
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw Invalid(pluginName, "Url", urlText, "an absolute http or https URL");
        }

        return new GutenbergSettings
        {
            Url = url,
            CacheDirectory = Path.GetFullPath(Get("CacheDirectory") is { Length: > 0 } cache ? cache : context.GetCacheDirectory(pluginName)),
            Retries = (int)ReadNumber(pluginName, "Retries", Get("Retries"), 2, 0, 10, wholeNumber: true),
            Timeout = TimeSpan.FromSeconds(ReadNumber(pluginName, "TimeoutSeconds", Get("TimeoutSeconds"), 60, 0.1, 3600)),
            ConnectTimeout = TimeSpan.FromSeconds(ReadNumber(pluginName, "ConnectTimeoutSeconds", Get("ConnectTimeoutSeconds"), 10, 0.1, 3600)),
            RetryDelay = TimeSpan.FromSeconds(ReadNumber(pluginName, "RetryDelaySeconds", Get("RetryDelaySeconds"), 1, 0, 60)),
        };
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
