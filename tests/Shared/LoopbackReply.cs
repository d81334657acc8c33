namespace LstmTerminal.Testing;

/// <summary>What the loopback server answers to one request.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The bytes actually sent after the headers.</param>
/// <param name="AnnouncedLength">The Content-Length sent; more than the body's length makes a truncated response.</param>
/// <param name="Delay">How long to wait before answering at all.</param>
internal sealed record LoopbackReply(int Status, byte[] Body, long? AnnouncedLength = null, TimeSpan Delay = default)
{
    public static LoopbackReply Ok(byte[] body) => new(200, body);

    public static LoopbackReply Failing(int status) => new(status, "error"u8.ToArray());

    public static LoopbackReply Truncated(byte[] body) => new(200, body[..(body.Length / 2)], body.Length);

    public static LoopbackReply Slow(byte[] body, TimeSpan delay) => new(200, body, Delay: delay);
}
