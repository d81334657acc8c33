using LstmTerminal.Core.Text;
using LstmTerminal.Core.Writing;
using Microsoft.Extensions.Logging;

namespace LstmTerminal.Interactive;

/// <summary>
/// Co-writing in the console: a kept completion (prime and continuation, line breaks kept) is added to the <see cref="Manuscript"/>, completions and the strip
/// continue its last <paramref name="contextWords"/> words, /undo takes the last addition back and /save writes it out.
/// A file that cannot be written costs one line in the transcript, never the manuscript in memory.
/// </summary>
public sealed class ManuscriptConsole(Manuscript manuscript, int contextWords, ConsoleTranscript transcript, ILogger logger)
{
    public Manuscript Manuscript => manuscript;

    /// <summary>The manuscript's last words, then <paramref name="typed"/> on a new line, as it will be kept: what the model continues.</summary>
    public string WithContext(string typed) =>
        typed.Trim().Length > 0 && manuscript.Context(contextWords) is { Length: > 0 } context ? $"{context}\n{typed}" : typed;

    public void Keep(string addition)
    {
        Kept(() => manuscript.Append(addition), $"kept as part {manuscript.Additions.Count + 1} of the manuscript; /undo takes it back");
    }

    public void Undo()
    {
        if (manuscript.Additions.Count == 0)
        {
            transcript.AddError("The manuscript is empty: nothing to undo.");
            return;
        }

        string? removed = null;
        Kept(() => removed = manuscript.Undo(), null);
        if (removed is not null)
        {
            transcript.AddNotice($"removed from the manuscript: {PrimeEscapes.Write(removed)}");
        }
    }

    /// <summary>Writes the manuscript to <paramref name="file"/>; an existing file only with <paramref name="overwrite"/> (/save!).</summary>
    public void Save(string file, bool overwrite)
    {
        var path = Path.GetFullPath(file);
        if (!overwrite && File.Exists(path))
        {
            transcript.AddError($"{path} exists; /save! {file} replaces it.");
            return;
        }

        try
        {
            manuscript.SaveAs(path, overwrite);
            transcript.AddNotice($"manuscript ({manuscript.Additions.Count} parts) saved to {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            transcript.AddError($"The manuscript could not be saved to {path}: {e.Message}");
        }
    }

    private void Kept(Action change, string? notice)
    {
        try
        {
            change();
            if (notice is not null)
            {
                transcript.AddNotice(notice);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not keep the manuscript in {Path}", manuscript.KeptAt);
            transcript.AddError($"The manuscript could not be kept in {manuscript.KeptAt} ({e.Message}); it stays in memory, /save FILE writes it elsewhere.");
        }
    }
}
