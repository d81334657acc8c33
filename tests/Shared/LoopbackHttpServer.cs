using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LstmTerminal.Testing;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 and a free port, one response per connection. Written on raw sockets so a
/// test can send a wrong Content-Length and hang up, which HttpListener refuses to do.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, LoopbackReply> _replyToHit;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _hits;

    /// <param name="replyToHit">The reply to the n-th request, counting from 1.</param>
    public LoopbackHttpServer(Func<int, LoopbackReply> replyToHit)
    {
        _replyToHit = replyToHit;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/cache/epub/100/pg100.txt");
        _acceptLoop = AcceptAsync();
    }

    public LoopbackHttpServer(LoopbackReply reply)
        : this(_ => reply)
    {
    }

    /// <summary>A loopback URL on a port nobody listens on, so connecting is refused at once (as offline, or with the server down).</summary>
    public static Uri RefusingUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/cache/epub/100/pg100.txt");
    }

    /// <summary>Stays the same after the server stops, so a test can prove nothing needs it any more.</summary>
    public Uri Url { get; }

    public int Hits => Volatile.Read(ref _hits);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                connections.Add(ServeAsync(await _listener.AcceptTcpClientAsync(_stop.Token)));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await SkipRequestAsync(stream, _stop.Token);
                var reply = _replyToHit(Interlocked.Increment(ref _hits));
                await Task.Delay(reply.Delay, _stop.Token);
                var head = $"HTTP/1.1 {reply.Status} {(HttpStatusCode)reply.Status}\r\n" +
                           $"Content-Length: {reply.AnnouncedLength ?? reply.Body.Length}\r\n" +
                           "Content-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await stream.WriteAsync(reply.Body, _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // The client gave up (a timeout test) or the server is stopping.
            }
        }
    }

    private static async Task SkipRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        // GET requests carry no body, so the request ends with its blank line.
        var seen = new StringBuilder();
        var buffer = new byte[1024];
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The client closed the connection before the request ended.");
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }
}
