namespace LstmTerminal.Tokenizers.Subwords;

/// <summary>Two adjacent tokens that become one new token.</summary>
internal readonly record struct Merge(int Left, int Right)
{
    /// <summary>The pair as one dictionary key.</summary>
    public long Key => ((long)Left << 32) | (uint)Right;

    public static Merge FromKey(long key) => new((int)(key >> 32), (int)(uint)key);

    /// <summary>
    /// Replaces every occurrence of this pair in <paramref name="symbols"/> by <paramref name="merged"/>, left to right and
    /// without overlap ("a a a" becomes "aa a"), as learning did; returns the new length.
    /// </summary>
    public int ApplyTo(Span<int> symbols, int merged)
    {
        var write = 0;
        for (var read = 0; read < symbols.Length; read++)
        {
            if (read + 1 < symbols.Length && symbols[read] == Left && symbols[read + 1] == Right)
            {
                symbols[write++] = merged;
                read++;
            }
            else
            {
                symbols[write++] = symbols[read];
            }
        }

        return write;
    }
}
