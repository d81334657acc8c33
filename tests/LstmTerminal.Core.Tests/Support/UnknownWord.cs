namespace LstmTerminal.Core.Tests.Support;

/// <summary>The <c>words</c> tokenizer's unknown id, which the fixtures' vocabularies share.</summary>
internal static class UnknownWord
{
    public const int Id = 0;
}
