using System.Net;
using System.Net.Sockets;

namespace LstmTerminal.Plugins.Tests.Support;

/// <summary>
/// A loopback port whose connections never complete, like a firewall that drops packets: it listens with a backlog
/// of 0, never accepts, and one connection of its own fills the queue, so Linux drops every later SYN.
/// </summary>
internal sealed class StalledListener : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket _filler = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public StalledListener()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
        _filler.Connect(_listener.LocalEndPoint!);
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}/cache/epub/100/pg100.txt");
    }

    public Uri Url { get; }

    public void Dispose()
    {
        _filler.Dispose();
        _listener.Dispose();
    }
}
