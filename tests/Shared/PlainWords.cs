namespace LstmTerminal.Testing;

/// <summary>A message a user reads names no .NET type, JSON path or stack frame: what the serializer's own messages hold.</summary>
internal static class PlainWords
{
    private static readonly string[] Machinery = ["System.", "Json", "LstmTerminal.", "$.", "'$'", "Path:", "LineNumber", "BytePosition", "   at "];

    public static void AssertPlain(string message)
    {
        foreach (var fragment in Machinery)
        {
            Assert.False(message.Contains(fragment, StringComparison.Ordinal), $"'{fragment}' in: {message}");
        }
    }
}
