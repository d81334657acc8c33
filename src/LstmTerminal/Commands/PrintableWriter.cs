using System.Text;

namespace LstmTerminal.Commands;

/// <summary>Passes text on to the terminal with every control character made visible (<see cref="TerminalText"/>).</summary>
public sealed class PrintableWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(TerminalText.Printable(value));

    public override void Write(string? value) => inner.Write(value is null ? null : TerminalText.Printable(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush() => inner.Flush();
}
