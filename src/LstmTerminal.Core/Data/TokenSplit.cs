namespace LstmTerminal.Core.Data;

/// <summary>The token sequence cut into a training head and a validation tail.</summary>
public sealed record TokenSplit(int[] Training, int[] Validation)
{
    public static TokenSplit FromTail(int[] ids, double validationFraction)
    {
        var validationLength = (int)Math.Round(ids.Length * validationFraction);
        var trainingLength = ids.Length - validationLength;
        return new TokenSplit(ids[..trainingLength], ids[trainingLength..]);
    }
}
