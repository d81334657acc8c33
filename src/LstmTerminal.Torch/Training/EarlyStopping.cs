using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Torch.Training;

/// <summary>
/// Stops a run whose validation loss has not improved for <c>patience</c> epochs in a row. It reads the whole
/// validation history, which checkpoints carry, so a resumed run counts the epochs before the resume too.
/// </summary>
internal static class EarlyStopping
{
    /// <param name="patience">Null: never stop early.</param>
    public static bool IsDue(IReadOnlyList<ValidationPoint> history, int? patience)
    {
        if (patience is not { } limit || history.Count == 0)
        {
            return false;
        }

        var best = 0;
        for (var i = 1; i < history.Count; i++)
        {
            if (history[i].Loss < history[best].Loss)
            {
                best = i;
            }
        }

        return history.Count - 1 - best >= limit;
    }
}
