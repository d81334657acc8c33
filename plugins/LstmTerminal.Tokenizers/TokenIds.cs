namespace LstmTerminal.Tokenizers;

internal static class TokenIds
{
    public static void Check(int id, int count)
    {
        if ((uint)id >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, $"Token id {id} is outside [0, {count}).");
        }
    }
}
