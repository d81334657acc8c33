using System.Text;
using LstmTerminal.Hosting;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace LstmTerminal.Views;

/// <summary>
/// Puts the terminal back (main screen, no mouse tracking, cursor shown) when the process ends while the UI is up and
/// the app did not ask for it (<see cref="AppExit"/>). First the UI thread is asked to stop, so Terminal.Gui leaves
/// the screen its own way and draws nothing after; if it has not within a couple of seconds (it may be stuck, or it
/// is the exiting thread), the reset sequences Terminal.Gui would send are written to the terminal directly.
/// </summary>
internal sealed class TerminalGuard : IDisposable
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(2);

    private static readonly string ResetSequences = string.Concat(
        EscSeqUtils.CSI_DisableBracketedPaste,
        EscSeqUtils.CSI_DisableMouseEvents,
        EscSeqUtils.CSI_DisableKittyKeyboardFlags,
        EscSeqUtils.CSI_ResetAttributes,
        EscSeqUtils.CSI_RestoreCursorAndRestoreAltBufferWithBackscroll,
        EscSeqUtils.CSI_ShowCursor);

    private readonly IApplication _app;
    private readonly int _uiThread = Environment.CurrentManagedThreadId;
    private readonly ManualResetEventSlim _left = new();
    private readonly IDisposable _registration;

    /// <summary>Call on the UI thread, right after the application's Init.</summary>
    public TerminalGuard(IApplication app)
    {
        _app = app;
        _registration = AppExit.OnUnexpectedExit(Restore);
    }

    /// <summary>Call once the application is disposed: it has left the screen the normal way.</summary>
    public void Left() => _left.Set();

    public void Dispose() => _registration.Dispose();

    private void Restore()
    {
        if (_left.IsSet || (Environment.CurrentManagedThreadId != _uiThread && AskTheUiToStop() && _left.Wait(StopWait)))
        {
            return;
        }

        // Terminal.Gui draws on the terminal itself when stdout is redirected, so the reset goes there too.
        using var terminal = Console.IsOutputRedirected
            ? new FileStream("/dev/tty", FileMode.Open, FileAccess.Write)
            : Console.OpenStandardOutput();
        terminal.Write(Encoding.UTF8.GetBytes(ResetSequences));
    }

    private bool AskTheUiToStop()
    {
        try
        {
            _app.Invoke(() => _app.RequestStop());
            return true;
        }
        catch (Exception)
        {
            // Whatever state the UI is in, the direct reset below still works.
            return false;
        }
    }
}
