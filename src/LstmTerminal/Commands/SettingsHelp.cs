using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using LstmTerminal.Hosting;

namespace LstmTerminal.Commands;

/// <summary>
/// What <c>--help</c> adds to System.CommandLine's own text: the configuration side of the command line, which
/// <see cref="ConfigurationArguments"/> takes out before parsing (<c>--preset</c>, <c>--Section:Key=value</c>).
/// </summary>
public static class SettingsHelp
{
    public const string SettingsLine = "Any setting as --Section:Key=value (or --Section:Key value), e.g. --Training:Epochs=3 --Sampling:Temperature=0.8; the keys are in README.md, Configuration.";

    /// <summary>Shown in every command's option list; the splitter consumes it, so it is never parsed.</summary>
    public static Option<string> Preset() => new("--preset")
    {
        Description = $"Apply presets/NAME.json from the app's folder ({string.Join(", ", Presets.Known)}) under your own settings.",
        HelpName = "NAME",
        Recursive = true,
    };

    /// <summary>Makes the root's help option (shared by every verb) print <see cref="SettingsLine"/> after the standard text.</summary>
    public static void AddTo(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new WithSettings((HelpAction)help.Action!);
    }

    /// <summary>Help was asked for: it is shown even when the rest of the command line is incomplete (<c>generate --help</c>).</summary>
    public static bool Asked(ParseResult parse) => parse.Action is WithSettings;

    private sealed class WithSettings(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = standard.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Settings:");
            output.WriteLine($"  {SettingsLine}");
            output.WriteLine();
            return exitCode;
        }
    }
}
