using System.Globalization;
using System.Text;
using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Core.Records;

/// <summary>
/// <c>metrics.csv</c> in a checkpoint folder: a header, then one row per training step, appended across resumes. A row
/// goes to disk in one write ending in a newline, so a kill leaves at most a partial last line, which
/// <see cref="Open"/> drops before the next append. Invariant culture throughout.
/// </summary>
public sealed class MetricsCsv
{
    public const string FileName = "metrics.csv";

    public const string Header = "step,epoch,loss,learning_rate,tokens_per_second,validation_loss,validation_perplexity,working_set_bytes";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public MetricsCsv(string directory)
    {
        Path = System.IO.Path.Combine(directory, FileName);
    }

    public string Path { get; }

    /// <summary>
    /// Makes the file ready for a run that goes on from <paramref name="startStep"/>: writes the header into a new file;
    /// in an existing one drops a partial last line and the rows after that step (steps the checkpoint no longer
    /// holds, which the run writes again), by writing the kept rows to a temporary file renamed over it.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read or written.</exception>
    /// <exception cref="InvalidDataException">The file does not start with this header: it is left as it is.</exception>
    public void Open(long startStep)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        RefuseIfNotAFile(Path);
        var lines = (File.Exists(Path) ? File.ReadAllText(Path, Encoding.UTF8) : "").Split('\n');
        if (lines.Length == 1)
        {
            // No complete line: a new file, or one whose header a kill cut short.
            Replace([Header]);
            return;
        }

        if (lines[0] != Header)
        {
            throw new InvalidDataException($"{Path} does not start with the header of this app's metrics ({Header}); it was left as it is.");
        }

        // The last element is "" after a final newline, or the partial line a kill left.
        var complete = lines[..^1];
        var kept = complete.Take(1).Concat(complete.Skip(1).TakeWhile(line => StepOf(line) is { } step && step <= startStep)).ToList();
        if (kept.Count < complete.Length || lines[^1].Length > 0)
        {
            Replace(kept);
        }
    }

    /// <summary>Appends the row in one write.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Append(MetricsRow row)
    {
        var line = Encoding.UTF8.GetBytes(Format(row) + "\n");
        using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(line);
    }

    /// <summary>Reads every complete row of a metrics file.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is not a metrics file of this app, or a row is garbled; the message names the line.</exception>
    public static IReadOnlyList<MetricsRow> Read(string path)
    {
        RefuseIfNotAFile(path);
        var lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        if (lines[0].TrimEnd('\r') != Header)
        {
            throw new InvalidDataException($"{path} is not a metrics file of this app: its first line is not \"{Header}\".");
        }

        var rows = new List<MetricsRow>();
        for (var i = 1; i < lines.Length - 1; i++)
        {
            rows.Add(Parse(lines[i].TrimEnd('\r')) ?? throw new InvalidDataException($"{path}, line {i + 1}: not a row of {FileName} (\"{Shorten(lines[i])}\")."));
        }

        return rows;
    }

    private void Replace(IEnumerable<string> lines)
    {
        var temporary = Path + ".tmp";
        try
        {
            File.WriteAllText(temporary, string.Concat(lines.Select(line => line + "\n")));
            File.Move(temporary, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Reading a FIFO or device would block the trainer; a folder cannot be appended to.</summary>
    private static void RefuseIfNotAFile(string path)
    {
        if ((File.Exists(path) || Directory.Exists(path)) && !NativeFiles.IsRegularFile(path))
        {
            throw new IOException($"{path} is not a regular file (a folder, FIFO, device or socket); it was left as it is.");
        }
    }

    public static string Format(MetricsRow row) => string.Join(',',
        row.Step.ToString(Invariant),
        row.Epoch.ToString(Invariant),
        row.Loss.ToString("R", Invariant),
        row.LearningRate.ToString("R", Invariant),
        row.TokensPerSecond.ToString("F1", Invariant),
        row.ValidationLoss?.ToString("R", Invariant) ?? "",
        row.ValidationPerplexity?.ToString("R", Invariant) ?? "",
        row.WorkingSetBytes.ToString(Invariant));

    private static MetricsRow? Parse(string line)
    {
        var cells = line.Split(',');
        if (cells.Length != 8 || !long.TryParse(cells[0], NumberStyles.None, Invariant, out var step) || !int.TryParse(cells[1], NumberStyles.None, Invariant, out var epoch)
            || !TryNumber(cells[2], out var loss) || !TryNumber(cells[3], out var learningRate) || !TryNumber(cells[4], out var tokensPerSecond)
            || !TryOptional(cells[5], out var validationLoss) || !TryOptional(cells[6], out var perplexity) || !long.TryParse(cells[7], NumberStyles.None, Invariant, out var workingSet))
        {
            return null;
        }

        return new MetricsRow
        {
            Step = step, Epoch = epoch, Loss = loss, LearningRate = learningRate, TokensPerSecond = tokensPerSecond,
            ValidationLoss = validationLoss, ValidationPerplexity = perplexity, WorkingSetBytes = workingSet,
        };
    }

    private static long? StepOf(string line) => long.TryParse(line.AsSpan(0, Math.Max(0, line.IndexOf(','))), NumberStyles.None, Invariant, out var step) ? step : null;

    private static bool TryNumber(string cell, out double value) => double.TryParse(cell, NumberStyles.Float, Invariant, out value);

    private static bool TryOptional(string cell, out double? value)
    {
        value = null;
        if (cell.Length == 0)
        {
            return true;
        }

        var parsed = TryNumber(cell, out var number);
        value = number;
        return parsed;
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "…";
}
