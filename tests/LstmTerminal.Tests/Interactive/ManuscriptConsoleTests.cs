using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Writing;
using LstmTerminal.Interactive;
using LstmTerminal.Testing;
using LstmTerminal.Tests.Support;
using LstmTerminal.Views;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Gui.Input;

namespace LstmTerminal.Tests.Interactive;

public sealed class ManuscriptConsoleTests(TrainedModelFixture trained) : IClassFixture<TrainedModelFixture>, IDisposable
{
    private static readonly SamplingSettings Greedy = new() { Sampler = "greedy", Words = 4, Seed = 1 };

    private readonly TempDirectory _folder = new();
    private readonly ConsoleTranscript _transcript = new();

    [Fact]
    public async Task KeptCompletion_JoinsTheManuscript_AndTheNextCompletionContinuesIt()
    {
        // Given the console with an empty manuscript beside the checkpoint
        var console = Console(_folder.Path);

        // When a completion is kept, and another is asked for
        await console.Submit("thou art", CancellationToken.None, keep: true);
        var first = Continuation();
        await console.Submit("to be", CancellationToken.None);

        // Then the manuscript holds the prime and its continuation, in memory and on disk, and the second completion
        // is the model's continuation of the manuscript's words followed by the prime
        Assert.Equal([$"thou art {first}"], console.Manuscript!.Manuscript.Additions);
        Assert.Equal($"{Manuscript.Header}\nthou art {first}\n", await File.ReadAllTextAsync(Path.Combine(_folder.Path, Manuscript.FileName)));
        var expected = new Completion(trained.Model.TryCreateGenerator()!).Start($"thou art {first}\nto be", Greedy, ShippedPlugins.Catalog);
        expected.Stream().ToList();
        Assert.Equal(expected.Text, Continuation());
    }

    [Fact]
    public async Task Undo_RemovesTheLastLine_AndTheManuscriptIsRestoredAfterARestart()
    {
        // Given two kept completions
        var console = Console(_folder.Path);
        await console.Submit("thou art", CancellationToken.None, keep: true);
        await console.Submit("to be", CancellationToken.None, keep: true);

        // When /undo is entered, and the manuscript is opened again as at the next start
        await console.Submit("/undo", CancellationToken.None);
        var restored = Manuscript.Open(_folder.Path);

        // Then one line is left, on disk too
        Assert.Single(console.Manuscript!.Manuscript.Additions);
        Assert.StartsWith("thou art ", restored.Additions.Single());
        Assert.StartsWith("· removed from the manuscript: to be ", _transcript.Snapshot()[^1]);
    }

    [Fact]
    public async Task Save_WritesPlainText_RefusesToOverwrite_AndSaveBangReplaces()
    {
        // Given a manuscript of one line and a file of the user's
        var console = Console(_folder.Path);
        await console.Submit("thou art", CancellationToken.None, keep: true);
        var file = Path.Combine(_folder.Path, "poem.txt");

        // When /save writes it, a second /save meets the file, and /save! replaces it
        await console.Submit($"/save {file}", CancellationToken.None);
        var saved = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, "mine");
        await console.Submit($"/save {file}", CancellationToken.None);
        var refused = await File.ReadAllTextAsync(file);
        var refusal = _transcript.Snapshot()[^1];
        await console.Submit($"/save! {file}", CancellationToken.None);

        // Then
        Assert.Equal(console.Manuscript!.Manuscript.Additions.Single() + "\n", saved);
        Assert.Equal("mine", refused);
        Assert.Equal($"! {file} exists; /save! {file} replaces it.", refusal);
        Assert.Equal(saved, await File.ReadAllTextAsync(file));
        Assert.Empty(Directory.GetFiles(_folder.Path, ".*.tmp"));
    }

    [Fact]
    public async Task KeptCompletion_StaysInMemory_WithOneLine_WhenTheFolderCannotBeWritten()
    {
        // Given a checkpoint folder path that is a file
        var blocked = Path.Combine(_folder.Path, "a-file");
        await File.WriteAllTextAsync(blocked, "mine");
        var console = Console(blocked);

        // When a completion is kept
        await console.Submit("thou art", CancellationToken.None, keep: true);

        // Then one error line says so, the line is still in the manuscript and the file is untouched
        Assert.StartsWith($"! The manuscript could not be kept in {Path.Combine(blocked, Manuscript.FileName)}", _transcript.Snapshot()[^1]);
        Assert.Single(console.Manuscript!.Manuscript.Additions);
        Assert.Equal("mine", await File.ReadAllTextAsync(blocked));
    }

    [Fact]
    public void CtrlEnter_InThePanel_CompletesAndKeeps()
    {
        // Given the console panel
        using var ui = new Headless();
        var console = Console(_folder.Path);
        var panel = new ConsolePanel(console, _transcript, CancellationToken.None);
        ui.ShowInWindow(panel);

        // When a prime is typed and Ctrl+Enter pressed
        ui.Type("thou art");
        ui.Press(Key.Enter.WithCtrl);

        // Then the completion is kept as the manuscript's first line
        Eventually.True(() => console.Manuscript!.Manuscript.Additions.Count == 1, "the kept line");
        Assert.StartsWith("thou art ", console.Manuscript!.Manuscript.Additions[0]);
        Assert.Equal(string.Empty, panel.Input.Text);
    }

    public void Dispose() => _folder.Dispose();

    private string Continuation() => _transcript.Snapshot().Last(l => l.StartsWith("  ", StringComparison.Ordinal)).Trim();

    private CompletionConsole Console(string checkpointDirectory) =>
        new(trained.Model, ShippedPlugins.Catalog, _transcript, Greedy, NullLogger.Instance)
        {
            Manuscript = new ManuscriptConsole(Manuscript.Open(checkpointDirectory), 50, _transcript, NullLogger.Instance),
        };
}
