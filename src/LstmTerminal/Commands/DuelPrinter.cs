using System.Globalization;
using LstmTerminal.Core.Generation;

namespace LstmTerminal.Commands;

/// <summary>Renders a <see cref="DuelReport"/> as a table for people or as the <c>--json</c> object.</summary>
public static class DuelPrinter
{
    public static void Write(TextWriter output, DuelReport report, bool json)
    {
        if (json)
        {
            JsonOutput.Write(output, new
            {
                prime = report.Prime.Prime,
                unknownWords = report.Prime.UnknownWords,
                seed = report.Settings.Seed,
                words = report.Settings.Words,
                results = report.Results.Select(r => new
                {
                    sampler = r.Sampler,
                    text = r.Text,
                    averageLogProbability = r.AverageLogProbability,
                    repeatedBigrams = r.RepeatedBigrams,
                    error = r.Error,
                }),
            });
            return;
        }

        var settings = report.Settings;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"prime \"{string.Join(' ', report.Prime.Words)}\": {settings.Words} words, seed {settings.Seed}, temperature {settings.Temperature}, " +
            $"repetition penalty {settings.RepetitionPenalty}, no-repeat n-gram {settings.NoRepeatNgram}, beam width {settings.BeamWidth}"));
        var width = Math.Max("sampler".Length, report.Results.Max(r => r.Sampler.Length));
        output.WriteLine($"{"sampler".PadRight(width)}  avg log-p  rep. bigrams  text");
        foreach (var result in report.Results)
        {
            var text = result.Error is null ? result.Text : $"(failed: {result.Error})";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Sampler.PadRight(width)}  {result.AverageLogProbability,9:F3}  {result.RepeatedBigrams,12}  {text}"));
        }
    }
}
