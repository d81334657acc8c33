using LstmTerminal.Commands;
using LstmTerminal.Core;
using LstmTerminal.Core.Options;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Workflow;
using LstmTerminal.Hosting;
using LstmTerminal.Interactive;
using LstmTerminal.ViewState;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Terminal.Gui.App;
using LstmTerminal.Torch.Workflow;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Views;

/// <summary>
/// The no-verb action: wires the session, its state and the console to the main window and runs it full screen.
/// Quitting leaves the screen first, then waits for the trainer's save-on-cancel and says where the checkpoint is.
/// </summary>
public sealed class TerminalApp(
    CorpusOptions corpusOptions,
    TextOptions textOptions,
    TrainingOptions trainingOptions,
    SamplingOptions sampling,
    ConsoleOptions consoleOptions,
    PluginCatalog catalog,
    CorpusLoader loader,
    TrainingPlanner planner,
    LogFolder logFolder,
    ILoggerFactory loggers,
    VerbConsole verbConsole)
{
    // A copied plugin folder counts as complete after this long without a change.
    private static readonly TimeSpan PluginQuietPeriod = TimeSpan.FromSeconds(1);

    /// <summary>A bad setting is shown full screen (until Ctrl+Q) before it is printed, so it is not missed.</summary>
    public static void ShowSettingsProblem(string problem)
    {
        using var app = Application.Create().Init();
        using var window = new SettingsProblemWindow(app, problem);
        app.Run(window);
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger("Tui");
        var state = new ScreenState();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var session = new TrainingSession(loader, planner, catalog, corpusOptions, textOptions, trainingOptions, sampling, state, log);
        var console = ConsoleStartup.Create(session, catalog, state.Transcript, sampling.ToSettings(), consoleOptions, trainingOptions.CheckpointDirectory, log);
        foreach (var error in catalog.Errors)
        {
            state.Transcript.AddError($"Plugin problem in {error.Folder}: {error.Message}");
        }

        if (logFolder.Problem is { } noLog)
        {
            state.Transcript.AddError(noLog);
        }

        var directories = catalog.Directories;
        using var appWatcher = WatchPluginFolder(catalog, directories[0], state.Transcript);
        using var userWatcher = directories.Count > 1 ? WatchPluginFolder(catalog, directories[1], state.Transcript) : null;
        state.Transcript.AddNotice($"Checkpoints are read from and saved to {Path.GetFullPath(trainingOptions.CheckpointDirectory)}.");
        state.Transcript.AddNotice("Type a phrase and press Enter to continue it; F1 or /help for more.");

        var app = Application.Create().Init();
        using var guard = new TerminalGuard(app);

        // SIGTERM (or SIGINT from outside: the terminal's Ctrl+C is a key here) quits like Ctrl+Q, saving first. The
        // signals are taken here because, under Terminal.Gui, the runtime's default still ended the process at once
        // (exit 143, unsaved steps lost, the terminal left in the UI's screen).
        using var signalled = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Quit(context, signalled));
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Quit(context, signalled));
        using var quitting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, signalled.Token);
        try
        {
            session.Open(stopping.Token);
            using var window = new MainWindow(app, session, state, console, catalog, stopping.Token);
            using var terminated = quitting.Token.Register(() => app.Invoke(() => app.RequestStop()));
            app.Run(window, e =>
            {
                // Keep the app alive and the screen clean; the details go to the log.
                log.LogError(e, "Unhandled failure in the terminal UI");
                state.Transcript.AddError($"Internal error: {e.Message}{LogPointer.Details(log)}");
                return true;
            });
        }
        finally
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            app.Dispose();
            guard.Left();
        }

        verbConsole.Error.WriteLine("Stopping training and saving the checkpoint...");
        switch (await session.StopAsync().ConfigureAwait(false))
        {
            case CheckpointSaved saved:
                verbConsole.Error.WriteLine($"Checkpoint at step {saved.Step} in {saved.Directory}.");
                return Ended(quitting.Token);
            case CheckpointFailed failed:
                verbConsole.Error.WriteLine($"error: the checkpoint at step {failed.Step} was NOT saved: {failed.Message}");
                return ExitCodes.Failure;
            default:
                verbConsole.Error.WriteLine("No checkpoint was written in this session.");
                return Ended(quitting.Token);
        }
    }

    private static int Ended(CancellationToken quitting) => quitting.IsCancellationRequested ? ExitCodes.Cancelled : ExitCodes.Success;

    private static void Quit(PosixSignalContext context, CancellationTokenSource signalled)
    {
        context.Cancel = true;
        signalled.Cancel();
    }

    /// <summary>Null, with a line in the console, when the folder cannot be created or watched: plugins then need a restart.</summary>
    private static PluginFolderWatcher? WatchPluginFolder(PluginCatalog catalog, string directory, ConsoleTranscript transcript)
    {
        try
        {
            var watcher = new PluginFolderWatcher(catalog, directory, PluginQuietPeriod);
            watcher.FolderLoaded += result => Announce(transcript, result);
            return watcher;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            transcript.AddError($"Plugins added to {directory} will appear only after a restart: {e.Message}");
            return null;
        }
    }

    private static void Announce(ConsoleTranscript transcript, PluginFolderResult result)
    {
        var added = result.CorpusProviders.Select(p => $"corpus {p.Name}")
            .Concat(result.Samplers.Select(p => $"sampler {p.Name}"))
            .Concat(result.Tokenizers.Select(p => $"tokenizer {p.Name}"))
            .ToList();
        if (added.Count > 0)
        {
            transcript.AddNotice($"New plugins from {result.Folder}: {string.Join(", ", added)}.");
        }

        foreach (var error in result.Errors)
        {
            transcript.AddError($"Plugin problem in {error.Folder}: {error.Message}");
        }
    }
}
