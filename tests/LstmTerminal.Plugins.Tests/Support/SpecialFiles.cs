using System.Diagnostics;
using System.Net.Sockets;

namespace LstmTerminal.Plugins.Tests.Support;

/// <summary>Paths that name no regular file: a named pipe, a listening socket, a device.</summary>
internal static class SpecialFiles
{
    /// <summary>Reads as an endless run of zero bytes.</summary>
    public const string ZeroDevice = "/dev/zero";

    /// <summary>A named pipe at <paramref name="path"/>: opening it for reading waits for a writer.</summary>
    public static void MakeFifo(string path)
    {
        // .NET has no mkfifo; coreutils' is on every Linux machine this runs on.
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assert.True(mkfifo.ExitCode == 0, $"mkfifo {path} failed: {mkfifo.StandardError.ReadToEnd()}");
    }

    /// <summary>A Unix domain socket bound at <paramref name="path"/>; the file stays while the socket is open.</summary>
    public static Socket BindSocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }
}
