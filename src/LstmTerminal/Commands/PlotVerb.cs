using System.CommandLine;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Records;
using LstmTerminal.Plotting;

namespace LstmTerminal.Commands;

/// <summary><c>plot</c>: the loss curves of a checkpoint folder as a PNG, from its metrics.csv or else its checkpoint's loss history.</summary>
public sealed class PlotVerb(VerbConsole console)
{
    public const string DefaultFileName = "loss.png";

    public static Command Create(VerbRunner runner)
    {
        var directory = new Argument<string>("CHECKPOINT_DIR") { Description = "The checkpoint folder whose metrics.csv (or checkpoint) to plot." };
        var output = new Option<string?>("--output") { Description = $"The PNG to write (default: {DefaultFileName} in the checkpoint folder)." };
        var width = new Option<int>("--width") { Description = "Width in pixels.", DefaultValueFactory = _ => 1000 };
        var height = new Option<int>("--height") { Description = "Height in pixels.", DefaultValueFactory = _ => 600 };
        var command = new Command("plot", "Draw the training and validation loss of a checkpoint folder as a PNG.") { directory, output, width, height };
        command.SetAction((parse, cancellationToken) => runner.RunAsync<PlotVerb>(
            new Dictionary<string, string?>(),
            (verb, _) => Task.FromResult(verb.Run(parse.GetValue(directory)!, parse.GetValue(output), parse.GetValue(width), parse.GetValue(height))),
            cancellationToken));
        return command;
    }

    private int Run(string directory, string? output, int width, int height)
    {
        if (width is < 100 or > 10_000 || height is < 100 or > 10_000)
        {
            throw new UsageException($"--width and --height must be between 100 and 10000 pixels (got {width} x {height}).");
        }

        var curves = Read(directory);
        if (curves.IsEmpty)
        {
            throw new UsageException($"{directory} holds no training steps yet: there is nothing to plot.");
        }

        var path = Path.GetFullPath(output ?? Path.Combine(directory, DefaultFileName));
        try
        {
            curves.SavePng(path, width, height);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot write {path}: {e.Message}");
        }

        console.Output.WriteLine($"{path}: {curves.Training.Count} training and {curves.Validation.Count} validation points, {width} x {height}");
        return ExitCodes.Success;
    }

    /// <summary>metrics.csv when there is one; else the checkpoint's loss history.</summary>
    private static LossCurves Read(string directory)
    {
        var csv = new MetricsCsv(directory);
        if (File.Exists(csv.Path))
        {
            try
            {
                return LossCurves.From(MetricsCsv.Read(csv.Path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                throw new UsageException(e.Message);
            }
        }

        var reader = new CheckpointReader(directory);
        return reader.TryReadManifest() is { } manifest
            ? LossCurves.From(manifest)
            : throw new UsageException($"{reader.Directory} holds neither {MetricsCsv.FileName} nor a readable checkpoint: there is nothing to plot.");
    }
}
