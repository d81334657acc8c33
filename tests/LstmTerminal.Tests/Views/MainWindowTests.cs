using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Training;
using LstmTerminal.Core.Workflow;
using LstmTerminal.Interactive;
using LstmTerminal.ViewState;
using LstmTerminal.Tests.Support;
using LstmTerminal.Views;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Gui.Input;
using LstmTerminal.Torch.Workflow;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Tests.Views;

/// <summary>
/// The whole window on a virtual screen. Synchronous on purpose (see <see cref="Headless"/>): the session stop is
/// awaited only once it has completed, which continues in place.
/// </summary>
public sealed class MainWindowTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ScreenState _state = new();
    private readonly TrainingSession _session;

    public MainWindowTests()
    {
        _session = TinySession.Create(_temp, _state, maxSteps: 100_000, evalEvery: 100_000);
    }

    [Fact]
    public void Esc_does_not_quit()
    {
        using var ui = new Headless();
        var window = Show(ui);

        ui.Press(Key.Esc);

        Assert.False(window.StopRequested);
    }

    [Theory]
    [InlineData("q")]
    [InlineData("c")]
    public void Ctrl_Q_and_Ctrl_C_quit(string letter)
    {
        using var ui = new Headless();
        var window = Show(ui);

        ui.Press((letter == "q" ? Key.Q : Key.C).WithCtrl);

        Assert.True(window.StopRequested);
    }

    [Fact]
    public void The_ui_timer_brings_training_progress_onto_the_screen()
    {
        using var ui = new Headless();
        Show(ui);

        _state.Report(new TrainerReported(new StepCompleted
        {
            Step = 7,
            TotalSteps = 70,
            Epoch = 1,
            Epochs = 2,
            StepInEpoch = 7,
            StepsPerEpoch = 35,
            Loss = 3.5,
            TokensPerSecond = 1000,
            Elapsed = TimeSpan.FromSeconds(7),
            Eta = TimeSpan.FromSeconds(63),
        }));
        ui.Draw();
        Assert.DoesNotContain("step 7 of 70", ui.Screen());

        ui.Tick();

        Assert.Contains("step 7 of 70", ui.Screen());
        Assert.Contains("Loss    3.500", ui.Screen());
    }

    [Fact]
    public void A_terminal_smaller_than_80x24_shows_a_message_instead_of_the_layout()
    {
        using var ui = new Headless(70, 20);
        var window = Show(ui);

        Assert.True(window.ShowsTooSmall);
        Assert.Contains("The terminal is 70x20;", ui.Screen());
        Assert.Contains("LstmTerminal needs at least 80x24.", ui.Screen());
        Assert.DoesNotContain("prime>", ui.Screen());

        ui.App.Driver!.SetScreenSize(80, 24);
        ui.Draw();

        Assert.False(window.ShowsTooSmall);
        Assert.Contains("prime>", ui.Screen());
    }

    [Fact]
    public void The_too_small_message_stays_whole_When_the_terminal_is_40_columns_wide()
    {
        // Given a terminal of 40x12
        using var ui = new Headless(40, 12);

        // When the window is shown
        Show(ui);

        // Then the size needed and how to quit are readable, not cut off at the edges
        Assert.Contains("LstmTerminal needs at least 80x24.", ui.Screen());
        Assert.Contains("goes on meanwhile. Ctrl+Q quits.", ui.Screen());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Quitting_while_training_leaves_a_checkpoint_of_the_last_step()
    {
        // Given a window over a session that is training
        using var ui = new Headless();
        var window = Show(ui);
        _session.Open(CancellationToken.None);
        Eventually.True(() => _state.Status.Snapshot().Step >= 2, "two steps");

        // When the user quits and the app stops the session, as TerminalApp does after Run returns
        ui.Press(Key.Q.WithCtrl);
        var stopping = _session.StopAsync();
        Eventually.True(() => stopping.IsCompleted, "the session to stop");
        var saved = await stopping;

        // Then the checkpoint holds the last step trained
        Assert.True(window.StopRequested);
        Assert.NotNull(saved);
        Assert.Equal(_state.Status.Snapshot().Step, saved.Step);
        Assert.True(File.Exists(_temp.Combine("ckpt/checkpoint.json")));
    }

    public void Dispose()
    {
        _session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _temp.Dispose();
    }

    private MainWindow Show(Headless ui)
    {
        var console = new CompletionConsole(_session, ShippedPlugins.Catalog, _state.Transcript, new SamplingSettings { Sampler = "greedy", Temperature = 0.8, Words = 5, Seed = 1 }, NullLogger.Instance);
        var window = new MainWindow(ui.App, _session, _state, console, ShippedPlugins.Catalog, CancellationToken.None);
        ui.Show(window);
        return window;
    }
}
