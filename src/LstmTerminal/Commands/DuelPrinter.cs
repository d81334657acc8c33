using LstmTerminal.Core.Text;
using System.Globalization;
using LstmTerminal.Core.Generation;
using LstmTerminal.Interactive;

namespace LstmTerminal.Commands;

/// <summary>Renders a <see cref="DuelReport"/> as a table for people or as the <c>--json</c> object.</summary>
public static class DuelPrinter
{
    public static void Write(TextWriter output, DuelReport report, bool json)
    {
        if (json)
        {
            var results = report.Results.Select(r => new DuelResultReport(r.Sampler, r.Text, r.AverageLogProbability, r.RepeatedBigrams, r.Error));
            JsonOutput.Write(output, new DuelJsonReport(report.Prime.Prime, report.Prime.UnknownWords, report.Settings.Seed, report.Settings.Words, [.. results]));
            return;
        }

        var settings = report.Settings;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"prime \"{PrimeEscapes.Write(report.Prime.Text)}\": {settings.Words} tokens, seed {settings.Seed}, temperature {settings.Temperature}, " +
            $"repetition penalty {settings.RepetitionPenalty}, no-repeat n-gram {settings.NoRepeatNgram}, beam width {settings.BeamWidth}"));
        var width = Math.Max("sampler".Length, report.Results.Max(r => r.Sampler.Length));
        output.WriteLine($"{"sampler".PadRight(width)}  avg log-p  rep. bigrams  text");
        foreach (var result in report.Results)
        {
            var text = result.Error is null ? result.Text : $"(failed: {result.Error})";
            var row = string.Create(CultureInfo.InvariantCulture, $"{result.Sampler.PadRight(width)}  {result.AverageLogProbability,9:F3}  {result.RepeatedBigrams,12}  ");
            // A line break of the text goes on under its column, so a speaker's name keeps its own line.
            output.WriteLine(row + text.ReplaceLineEndings("\n").Replace("\n", Environment.NewLine + new string(' ', row.Length), StringComparison.Ordinal));
        }
    }
}
