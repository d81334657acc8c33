using System.Globalization;
using LstmTerminal.Core.Records;

namespace LstmTerminal.Core.Tests.Records;

/// <summary>metrics.csv: one header, whole rows, appended across resumes, repaired after a kill.</summary>
public sealed class MetricsCsvTests
{
    [Fact]
    public void Open_KeepsOneHeaderAndEveryRow_WhenARunIsResumed()
    {
        // Given a run that wrote steps 1 and 2
        using var temp = new TempDirectory();
        var csv = new MetricsCsv(temp.Path);
        csv.Open(startStep: 0);
        csv.Append(Row(1));
        csv.Append(Row(2));

        // When a resume from step 2 opens the file and writes step 3
        new MetricsCsv(temp.Path).Open(startStep: 2);
        csv.Append(Row(3));

        // Then the file holds the header once and each step once
        var lines = File.ReadAllLines(csv.Path);
        Assert.Equal(MetricsCsv.Header, lines[0]);
        Assert.Single(lines, MetricsCsv.Header);
        Assert.Equal([1L, 2, 3], MetricsCsv.Read(csv.Path).Select(row => row.Step));
    }

    [Fact]
    public void Open_DropsAPartialLastLineAndStepsTheCheckpointLost_WhenAKilledRunLeftThem()
    {
        // Given a run killed while writing step 4, whose checkpoint holds step 2
        using var temp = new TempDirectory();
        var csv = new MetricsCsv(temp.Path);
        csv.Open(startStep: 0);
        foreach (var step in new[] { 1L, 2, 3 })
        {
            csv.Append(Row(step));
        }

        File.AppendAllText(csv.Path, "4,1,5.0");

        // When the resume from step 2 opens it and writes step 3 again
        csv.Open(startStep: 2);
        csv.Append(Row(3));

        // Then every line is a whole row and no step repeats
        Assert.Equal([1L, 2, 3], MetricsCsv.Read(csv.Path).Select(row => row.Step));
        Assert.EndsWith("\n", File.ReadAllText(csv.Path));
    }

    [Fact]
    public void Open_WritesTheHeader_WhenAKillCutTheHeaderShort()
    {
        // Given a file holding half a header
        using var temp = new TempDirectory();
        var csv = new MetricsCsv(temp.Path);
        File.WriteAllText(csv.Path, "step,epo");

        // When a run opens it
        csv.Open(startStep: 0);

        // Then it holds the whole header and nothing else
        Assert.Equal(MetricsCsv.Header + "\n", File.ReadAllText(csv.Path));
    }

    [Fact]
    public void Open_LeavesAFileAlone_WhenItIsNotThisAppsMetrics()
    {
        // Given a metrics.csv of someone else's
        using var temp = new TempDirectory();
        var csv = new MetricsCsv(temp.Path);
        File.WriteAllText(csv.Path, "a,b\n1,2\n");

        // When a run opens it, Then it is refused and unchanged
        Assert.Throws<InvalidDataException>(() => csv.Open(startStep: 0));
        Assert.Equal("a,b\n1,2\n", File.ReadAllText(csv.Path));
    }

    [Fact]
    public void Read_NamesTheLine_WhenARowIsGarbled()
    {
        // Given a file whose second row is not a row
        using var temp = new TempDirectory();
        var csv = new MetricsCsv(temp.Path);
        csv.Open(startStep: 0);
        csv.Append(Row(1));
        File.AppendAllText(csv.Path, "2,one,x\n");

        // When it is read, Then the error names line 3
        var error = Assert.Throws<InvalidDataException>(() => MetricsCsv.Read(csv.Path));
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Append_WritesInvariantNumbers_WhenTheCultureUsesDecimalCommas()
    {
        // Given a culture with decimal commas
        using var temp = new TempDirectory();
        var csv = new MetricsCsv(temp.Path);
        csv.Open(startStep: 0);
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            // When a row with fractions is written
            csv.Append(Row(1) with { ValidationLoss = 2.5, ValidationPerplexity = 12.25 });
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        // Then it reads back with its eight cells
        Assert.Equal("1,1,4.5,0.001,1234.5,2.5,12.25,1048576", File.ReadAllLines(csv.Path)[1]);
        Assert.Equal(12.25, Assert.Single(MetricsCsv.Read(csv.Path)).ValidationPerplexity);
    }

    [Fact]
    public void Open_RefusesWithoutBlocking_When_TheFileIsAFifo()
    {
        // Given a FIFO where metrics.csv belongs: reading it would wait for a writer forever
        using var temp = new TempDirectory();
        var csv = new MetricsCsv(temp.Path);
        Assert.True(HostCommand.TryRun("mkfifo", csv.Path), "mkfifo failed");

        // When the run opens its records, then it is refused at once and left as it is
        var error = Assert.Throws<IOException>(() => csv.Open(startStep: 0));
        Assert.Contains("not a regular file", error.Message);
        Assert.Throws<IOException>(() => MetricsCsv.Read(csv.Path));
    }

    [Fact]
    public void Open_LeavesNoTemporaryFile_When_AFolderStandsInTheWay()
    {
        // Given a folder named metrics.csv
        using var temp = new TempDirectory();
        var csv = new MetricsCsv(temp.Path);
        Directory.CreateDirectory(csv.Path);

        // When the run opens its records, then it is refused, and nothing else is left in the folder
        Assert.Throws<IOException>(() => csv.Open(startStep: 0));
        Assert.Equal([csv.Path], Directory.GetFileSystemEntries(temp.Path));
    }

    private static MetricsRow Row(long step) => new()
    {
        Step = step, Epoch = 1, Loss = 4.5, LearningRate = 0.001, TokensPerSecond = 1234.5, WorkingSetBytes = 1 << 20,
    };
}
