namespace LstmTerminal.Hosting;

/// <summary>
/// Separates <c>--Section:Key=value</c> (or <c>--Section:Key value</c>) settings and <c>--preset NAME</c>, which go to
/// the configuration, from the verbs and options that System.CommandLine parses.
/// </summary>
public sealed record ConfigurationArguments(IReadOnlyList<string> Settings, IReadOnlyList<string> Command)
{
    public static ConfigurationArguments Split(IReadOnlyList<string> args)
    {
        var settings = new List<string>();
        var command = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.Equals(PresetOption, StringComparison.OrdinalIgnoreCase) && i + 1 < args.Count)
            {
                settings.Add($"--{Presets.Key}={args[++i]}");
                continue;
            }

            if (!IsSetting(arg))
            {
                command.Add(arg);
                continue;
            }

            settings.Add(arg);
            if (!arg.Contains('=') && i + 1 < args.Count)
            {
                settings.Add(args[++i]);
            }
        }

        return new ConfigurationArguments(settings, command);
    }

    private const string PresetOption = "--preset";

    private static bool IsSetting(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            return false;
        }

        var name = arg.AsSpan(2);
        var equals = name.IndexOf('=');
        return (equals < 0 ? name : name[..equals]).Contains(':');
    }
}
