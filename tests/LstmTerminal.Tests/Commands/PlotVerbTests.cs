using System.Buffers.Binary;
using LstmTerminal.Core.Records;

namespace LstmTerminal.Tests.Commands;

/// <summary><c>plot</c>: a PNG of the loss curves, whole or not at all; a bad metrics file is one line and exit 2.</summary>
public sealed class PlotVerbTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Plot_WritesAPngOfTheRequestedSize_FromMetricsCsv()
    {
        // Given a checkpoint folder with a metrics.csv of 30 steps and 3 validations
        using var workspace = new TinyWorkspace();
        WriteMetrics(workspace.CheckpointDirectory, steps: 30);
        var output = Path.Combine(workspace.Root, "curves.png");

        // When it is plotted at 640 x 480
        var run = await CliRun.RunAsync(workspace.ModelArgs("plot", workspace.CheckpointDirectory, "--output", output, "--width", "640", "--height", "480"));

        // Then the file is a PNG of that size, and no temporary is left beside it
        Assert.Equal(0, run.ExitCode);
        var bytes = File.ReadAllBytes(output);
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(480, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.Equal(["curves.png"], Directory.GetFiles(workspace.Root, "curves*").Select(Path.GetFileName));
    }

    [Fact]
    public async Task Plot_ExitsTwoWithOneLine_WhenMetricsCsvIsGarbled()
    {
        // Given a metrics.csv with a garbled row
        using var workspace = new TinyWorkspace();
        WriteMetrics(workspace.CheckpointDirectory, steps: 3);
        File.AppendAllText(Path.Combine(workspace.CheckpointDirectory, MetricsCsv.FileName), "4,1,nan?,x\n");

        // When it is plotted
        var run = await CliRun.RunAsync(workspace.ModelArgs("plot", workspace.CheckpointDirectory));

        // Then the user reads one line naming the file and its line, and no PNG appears
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("metrics.csv, line 5", line);
        Assert.False(File.Exists(Path.Combine(workspace.CheckpointDirectory, "loss.png")));
    }

    [Fact]
    public async Task Plot_ExitsTwoWithOneLine_WhenTheFolderHoldsNothingToPlot()
    {
        // Given a folder with neither metrics.csv nor a checkpoint
        using var workspace = new TinyWorkspace();
        Directory.CreateDirectory(workspace.CheckpointDirectory);

        // When it is plotted
        var run = await CliRun.RunAsync(workspace.ModelArgs("plot", workspace.CheckpointDirectory));

        // Then one line says so
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds neither metrics.csv nor a readable checkpoint", Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private static void WriteMetrics(string directory, int steps)
    {
        var csv = new MetricsCsv(directory);
        csv.Open(startStep: 0);
        for (var step = 1; step <= steps; step++)
        {
            var ended = step % 10 == 0;
            csv.Append(new MetricsRow
            {
                Step = step, Epoch = (step + 9) / 10, Loss = 6.0 / Math.Sqrt(step), LearningRate = 0.01, TokensPerSecond = 1000,
                ValidationLoss = ended ? 5.0 - step / 20.0 : null, ValidationPerplexity = ended ? Math.Exp(5.0 - step / 20.0) : null, WorkingSetBytes = 1 << 26,
            });
        }
    }
}
