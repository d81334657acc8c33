using System.Text.RegularExpressions;

namespace LstmTerminal.Commands;

/// <summary>System.CommandLine names the .NET type a value failed to parse as; a user needs to hear what the option takes.</summary>
public static partial class ParseErrorText
{
    public static string Explain(string message) => ExpectedType().Replace(message, match => match.Groups["type"].Value switch
    {
        "Int32" => ": it takes a whole number from -2,147,483,648 to 2,147,483,647",
        "Int64" => ": it takes a whole number",
        "Double" or "Single" => ": it takes a number such as 0.5",
        "Boolean" => ": it takes true or false",
        _ => match.Value,
    });

    [GeneratedRegex(@" as expected type '(?:System\.Nullable`1\[)?System\.(?<type>\w+)\]?'")]
    private static partial Regex ExpectedType();
}
