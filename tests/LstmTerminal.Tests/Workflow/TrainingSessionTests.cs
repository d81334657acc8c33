using LstmTerminal.Core.Workflow;
using LstmTerminal.ViewState;
using LstmTerminal.Tests.Support;
using LstmTerminal.Torch.Workflow;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Tests.Workflow;

public sealed class TrainingSessionTests
{
    [Fact]
    public async Task Without_a_checkpoint_it_loads_the_corpus_trains_to_the_step_limit_and_saves()
    {
        using var temp = new TempDirectory();
        var state = new ScreenState();
        await using var session = TinySession.Create(temp, state, maxSteps: 12, evalEvery: 5);

        session.Open(CancellationToken.None);
        Eventually.True(() => state.Status.Snapshot().Phase == SessionPhase.Finished, "the run to finish");

        var status = state.Status.Snapshot();
        Assert.Equal((12L, 12L), (status.Step, status.TotalSteps));
        Assert.Equal(12, status.SavedStep);
        Assert.Equal([10L, 5], state.Samples.Snapshot().Select(s => s.Step));
        Assert.True(File.Exists(temp.Combine("ckpt/checkpoint.json")));
    }

    [Fact]
    public async Task Pausing_saves_and_resuming_continues_from_the_same_step()
    {
        using var temp = new TempDirectory();
        var state = new ScreenState();
        await using var session = TinySession.Create(temp, state, maxSteps: 100_000, evalEvery: 100_000);
        session.Open(CancellationToken.None);
        Eventually.True(() => state.Status.Snapshot().Step >= 3, "three steps");

        // When training is paused
        Assert.True(session.ToggleTraining());
        Eventually.True(() => state.Status.Snapshot().Phase == SessionPhase.Paused, "the pause");
        var paused = state.Status.Snapshot();

        // Then it saved where it stopped, and resuming goes on from there
        Assert.Equal(paused.Step, paused.SavedStep);
        Assert.True(session.ToggleTraining());
        Eventually.True(() => state.Status.Snapshot().Step > paused.Step, "a step after resuming");
        var saved = Assert.IsType<CheckpointSaved>(await session.StopAsync());
        Assert.True(saved.Step > paused.Step);
        Assert.Equal(saved.Step, state.Losses.Snapshot().Training.Count);
    }

    [Fact]
    public async Task Save_now_while_training_saves_after_the_current_step()
    {
        using var temp = new TempDirectory();
        var state = new ScreenState();
        await using var session = TinySession.Create(temp, state, maxSteps: 100_000, evalEvery: 100_000);
        session.Open(CancellationToken.None);
        Eventually.True(() => state.Status.Snapshot().Step >= 2, "two steps");

        session.SaveNow();

        Eventually.True(() => state.Status.Snapshot().SavedStep is not null, "a save");
        Assert.Equal(SessionPhase.Training, state.Status.Snapshot().Phase);
        Assert.Contains("· Saving a checkpoint after the current step.", state.Transcript.Snapshot());
    }

    [Fact]
    public async Task With_a_checkpoint_it_opens_paused_completes_phrases_and_resumes_on_request()
    {
        // Given a checkpoint at step 5
        using var temp = new TempDirectory();
        var setup = new ScreenState();
        await using (var first = TinySession.Create(temp, setup, maxSteps: 5))
        {
            first.Open(CancellationToken.None);
            Eventually.True(() => setup.Status.Snapshot().Phase == SessionPhase.Finished, "the first run");
        }

        // When a session with a larger budget opens the same folder
        var state = new ScreenState();
        await using var session = TinySession.Create(temp, state, maxSteps: 8);
        session.Open(CancellationToken.None);
        Eventually.True(() => state.Status.Snapshot().Phase == SessionPhase.Paused, "the paused start");

        // Then it waits, paused at step 5, with a model for the console, and trains on when asked
        Assert.Equal(5, state.Status.Snapshot().Step);
        Assert.NotNull(session.TryCreateGenerator());

        Assert.Contains(state.Transcript.Snapshot(), line => line.StartsWith("· Loaded the checkpoint", StringComparison.Ordinal));
        Assert.True(session.ToggleTraining());
        Eventually.True(() => state.Status.Snapshot().Phase == SessionPhase.Finished, "the resumed run");
        Assert.Equal(8, state.Status.Snapshot().Step);
    }

    [Fact]
    public async Task A_corrupt_checkpoint_fails_with_what_to_do_and_is_left_alone()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("ckpt"));
        File.WriteAllText(temp.Combine("ckpt/checkpoint.json"), "{ not json");
        var state = new ScreenState();
        await using var session = TinySession.Create(temp, state);

        session.Open(CancellationToken.None);
        Eventually.True(() => state.Status.Snapshot().Phase == SessionPhase.Failed, "the failure");

        Assert.Contains("Press F2 to set that checkpoint aside", state.Status.Snapshot().Detail);
        Assert.Equal("{ not json", File.ReadAllText(temp.Combine("ckpt/checkpoint.json")));
        Assert.Null(session.TryCreateGenerator());
    }

    [Fact]
    public async Task After_a_corrupt_checkpoint_F2_sets_it_aside_and_trains_from_scratch()
    {
        // Given a session that failed on an unreadable checkpoint
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("ckpt"));
        File.WriteAllText(temp.Combine("ckpt/checkpoint.json"), "{ not json");
        var state = new ScreenState();
        await using var session = TinySession.Create(temp, state, maxSteps: 4);
        session.Open(CancellationToken.None);
        Eventually.True(() => state.Status.Snapshot().Phase == SessionPhase.Failed, "the failure");

        // When the person takes the offer
        Assert.True(session.ToggleTraining());

        // Then training starts fresh and the old checkpoint survives in a subfolder
        Eventually.True(() => state.Status.Snapshot().Phase == SessionPhase.Finished, "a fresh run to its step limit");
        var aside = Assert.Single(Directory.GetDirectories(temp.Combine("ckpt"), "unreadable-*"));
        Assert.Equal("{ not json", File.ReadAllText(Path.Combine(aside, "checkpoint.json")));
        Assert.True(File.Exists(temp.Combine("ckpt/checkpoint.json")));
    }

    [Fact]
    public async Task A_final_save_that_fails_is_shown_as_failed_never_as_saved()
    {
        // Given a folder where the manifest cannot be committed (its name is taken by a folder)
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("ckpt/checkpoint.json"));
        var state = new ScreenState();
        await using var session = TinySession.Create(temp, state, maxSteps: 4);

        // When the run ends and saves
        session.Open(CancellationToken.None);
        Eventually.True(() => state.Status.Snapshot().Phase == SessionPhase.Failed, "the failed save");

        // Then the state says the checkpoint was not saved, and so does the session at exit
        var status = state.Status.Snapshot();
        Assert.Contains("was NOT saved", status.Detail);
        Assert.Null(status.SavedStep);
        Assert.IsType<CheckpointFailed>(await session.StopAsync());
    }

    [Fact]
    public async Task A_second_session_on_the_same_folder_is_refused_while_the_first_trains()
    {
        using var temp = new TempDirectory();
        var firstState = new ScreenState();
        await using var first = TinySession.Create(temp, firstState, maxSteps: 100_000, evalEvery: 100_000);
        first.Open(CancellationToken.None);
        Eventually.True(() => firstState.Status.Snapshot().Step >= 1, "the first session training");

        var secondState = new ScreenState();
        await using var second = TinySession.Create(temp, secondState);
        second.Open(CancellationToken.None);

        Eventually.True(() => secondState.Status.Snapshot().Phase == SessionPhase.Failed, "the refusal");
        Assert.Contains("Another trainer is using the checkpoint folder", secondState.Status.Snapshot().Detail);
    }

    [Fact]
    public async Task With_beam_as_the_sampler_training_samples_with_greedy_and_says_so()
    {
        using var temp = new TempDirectory();
        var state = new ScreenState();
        await using var session = TinySession.Create(temp, state, maxSteps: 5, sampler: "beam");

        session.Open(CancellationToken.None);
        Eventually.True(() => state.Status.Snapshot().Phase == SessionPhase.Finished, "a run to its step limit");

        Assert.Contains(state.Transcript.Snapshot(), line => line.Contains("training samples use greedy"));
    }

    [Fact]
    public async Task A_missing_corpus_file_fails_with_the_plugins_message()
    {
        using var temp = new TempDirectory();
        var state = new ScreenState();
        await using var session = TinySession.Create(temp, state, corpusPath: temp.Combine("missing.txt"));

        session.Open(CancellationToken.None);
        Eventually.True(() => state.Status.Snapshot().Phase == SessionPhase.Failed, "the failure");

        Assert.Contains("missing.txt", state.Status.Snapshot().Detail);
        Assert.StartsWith("! ", state.Transcript.Snapshot()[^1]);
    }
}
