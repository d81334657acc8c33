using LstmTerminal.Core.Workflow;
using LstmTerminal.ViewState;
using LstmTerminal.Tests.Support;
using LstmTerminal.Views;
using LstmTerminal.Torch.Workflow;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Tests.Views;

public sealed class SamplesPanelTests
{
    [Fact]
    public void Samples_show_newest_first_with_their_step()
    {
        using var ui = new Headless();
        var state = new ScreenState();
        var panel = new SamplesPanel(state.Samples);
        ui.ShowInWindow(panel);

        state.Report(new TrainerReported(new SamplesGenerated(50, [new TrainingSample("thou art more", "the the the")])));
        state.Report(new TrainerReported(new SamplesGenerated(100, [new TrainingSample("thou art more", "lovely and more")])));
        panel.Refresh();
        ui.Draw();

        var screen = ui.Screen();
        Assert.Contains("thou art more → lovely and more", screen);
        Assert.True(screen.IndexOf("step 100", StringComparison.Ordinal) < screen.IndexOf("step 50", StringComparison.Ordinal), screen);
    }
}
