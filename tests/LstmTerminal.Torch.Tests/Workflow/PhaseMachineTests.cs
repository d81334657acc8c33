using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Workflow;
using static LstmTerminal.Torch.Workflow.SessionTransition;

namespace LstmTerminal.Torch.Tests.Workflow;

/// <summary>
/// Every transition of the session's phase machine, from every stage: the allowed ones (listed here a second time, so a
/// change to the machine's table shows up as a failing test) and the refusal of all others.
/// </summary>
public sealed class PhaseMachineTests(PhaseMachineTests.Models models) : IClassFixture<PhaseMachineTests.Models>
{
    // Declared before the table, which reads it while it is initialised.
    private static readonly (string Stage, SessionPhase? Phase, PhaseReason? Reason) Closed = ("Closed", null, null);

    /// <summary>From each stage, what each allowed transition leads to, and what it reports (null: nothing).</summary>
    private static readonly Dictionary<string, Dictionary<SessionTransition, (string Stage, SessionPhase? Phase, PhaseReason? Reason)>> Allowed = new()
    {
        ["Created"] = new() { [Open] = ("Starting", SessionPhase.Starting, PhaseReason.Opening), [Close] = Closed },
        ["Starting"] = Opening(new()
        {
            [ReadCheckpoint] = ("LoadingCheckpoint", SessionPhase.LoadingCheckpoint, PhaseReason.ReadingCheckpoint),
            [LoadCorpus] = ("LoadingCorpus", SessionPhase.LoadingCorpus, PhaseReason.LoadingCorpus),
        }),
        ["LoadingCheckpoint"] = Opening(new()
        {
            [FindUnreadable] = ("CheckpointUnreadable", SessionPhase.Failed, PhaseReason.CheckpointUnreadable),
            [LoadCorpus] = ("LoadingCorpus", SessionPhase.LoadingCorpus, PhaseReason.LoadingCorpus),
        }),
        ["CheckpointUnreadable"] = new() { [Reopen] = ("Starting", SessionPhase.Starting, PhaseReason.Opening), [Close] = Closed },
        ["LoadingCorpus"] = Opening(new() { [Prepare] = ("Preparing", SessionPhase.Preparing, PhaseReason.BuildingModel) }),
        ["Preparing"] = Opening(new()
        {
            [AwaitResume] = ("Paused", SessionPhase.Paused, PhaseReason.CheckpointLoaded),
            [StartTraining] = ("Training", SessionPhase.Training, PhaseReason.Training),
        }),
        ["Training"] = RunEnds(new() { [Pause] = ("Pausing", SessionPhase.Pausing, PhaseReason.PauseRequested) }),
        ["Pausing"] = RunEnds(new()),
        ["Paused"] = new() { [ResumeTraining] = ("Training", SessionPhase.Training, PhaseReason.Training), [Close] = Closed },
        ["Finished"] = new() { [Close] = Closed },
        ["RunFailed"] = new() { [ResumeTraining] = ("Training", SessionPhase.Training, PhaseReason.Training), [Close] = Closed },
        ["RunFailedFinished"] = new() { [Close] = Closed },
        ["StartStopped"] = new() { [Close] = Closed },
        ["StartFailed"] = new() { [Close] = Closed },
        ["Closed"] = new(),
    };

    private readonly List<PhaseChanged> _reported = [];

    public static TheoryData<string, SessionTransition> AllowedTransitions()
    {
        var data = new TheoryData<string, SessionTransition>();
        foreach (var (stage, transitions) in Allowed)
        {
            foreach (var transition in transitions.Keys)
            {
                data.Add(stage, transition);
            }
        }

        return data;
    }

    public static TheoryData<string, SessionTransition> RefusedTransitions()
    {
        var data = new TheoryData<string, SessionTransition>();
        foreach (var (stage, transitions) in Allowed)
        {
            foreach (var transition in Enum.GetValues<SessionTransition>().Where(t => !transitions.ContainsKey(t)))
            {
                data.Add(stage, transition);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void Transition_MovesToItsStageAndReportsWhy_WhenTheStageAllowsIt(string from, SessionTransition transition)
    {
        // Given a machine in the stage
        var machine = Reach(from);
        var expected = Allowed[from][transition];

        // When the transition is taken
        Take(machine, transition);

        // Then the machine is in the next stage, and said so unless it closed
        Assert.Equal(expected.Stage, Name(machine.Stage));
        if (expected.Phase is { } phase)
        {
            var reported = _reported[^1];
            Assert.Equal((phase, expected.Reason), (reported.Phase, (PhaseReason?)reported.Reason));
            Assert.Equal(phase, machine.Stage.Phase);
        }
        else
        {
            Assert.Empty(_reported);
        }
    }

    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void Transition_IsRefused_WhenTheStageDoesNotAllowIt(string from, SessionTransition transition)
    {
        // Given a machine in the stage
        var machine = Reach(from);
        var before = machine.Stage;

        // When a transition the stage does not allow is asked for
        var refusal = Record.Exception(() => Take(machine, transition));

        // Then it is refused, and nothing changed or was reported
        Assert.IsType<InvalidOperationException>(refusal);
        Assert.Same(before, machine.Stage);
        Assert.Empty(_reported);
        Assert.False(machine.Allows(transition));
    }

    [Fact]
    public void Pause_CancelsTheRun_SoTheTrainerSavesAfterItsStep()
    {
        // Given a training stage with its run
        var machine = Reach("Preparing");
        using var run = new CancellationTokenSource();
        machine.StartTraining(models.Trainer, run);

        // When it pauses
        machine.Pause();

        // Then the run is asked to stop, and the trainer stays with the stage
        Assert.True(run.IsCancellationRequested);
        Assert.Same(models.Trainer, Assert.IsType<SessionStage.Pausing>(machine.Stage).Trainer);
    }

    [Fact]
    public void Stages_KeepTheCheckpointReadAtStart_UntilATrainerTakesItOver()
    {
        // Given a checkpoint read at start
        var machine = Reach("LoadingCheckpoint");

        // When the corpus loads, and then the start fails
        machine.LoadCorpus("text-file", models.Checkpoint);
        var loading = machine.Stage;
        machine.Prepare();
        var preparing = machine.Stage;
        machine.RefuseStart(new CorpusUnavailableException("no network"));

        // Then every stage on the way, the failure too, still holds it for completing phrases
        Assert.All([loading, preparing, machine.Stage], stage => Assert.Same(models.Checkpoint, Assert.IsAssignableFrom<SessionStage.BeforeTrainer>(stage).Checkpoint));
    }

    [Fact]
    public void ResumeTraining_RunsTheSameTrainerAgain_FromItsStep()
    {
        // Given a trainer paused after a run
        var machine = Reach("Paused");

        // When training resumes
        using var run = new CancellationTokenSource();
        var resumed = machine.ResumeTraining(run);

        // Then it is the same trainer, and the event names its step and corpus
        Assert.Same(models.Trainer, resumed);
        Assert.Equal((models.Trainer.Step, models.Trainer.Corpus.Title), (_reported[^1].Step, _reported[^1].Corpus));
    }

    [Fact]
    public void PhaseChanged_CarriesTheReasonsData_ForTheAppToWord()
    {
        // Given a machine that reads a checkpoint, loads a corpus and fails its first run's save
        var machine = new PhaseMachine(_reported.Add);
        machine.Open();
        machine.ReadCheckpoint("/ck");
        machine.LoadCorpus("text-file", checkpoint: null);
        machine.Prepare();
        using var run = new CancellationTokenSource();
        machine.StartTraining(models.Trainer, run);
        machine.FailSave(12, "disk full", runFinished: true);

        // Then each event carries what its reason names
        Assert.Equal("/ck", _reported[1].Directory);
        Assert.Equal("text-file", _reported[2].Corpus);
        Assert.Equal((12L, "disk full"), (_reported[^1].Step, _reported[^1].Problem));
    }

    [Fact]
    public void Crashes_CarryTheExceptionAndWhetherTheLogHasItsDetails()
    {
        // Given a run that crashes
        var machine = Reach("Training");
        var crash = new IOException("boom");

        // When the machine learns of it
        machine.CrashRun(crash, detailsLogged: true);

        // Then the event carries both, and the trainer stays for completing phrases and resuming
        Assert.Equal((PhaseReason.RunCrashed, crash, true), (_reported[^1].Reason, _reported[^1].Error, _reported[^1].DetailsLogged));
        Assert.False(Assert.IsType<SessionStage.RunFailed>(machine.Stage).RunFinished);
    }

    private static Dictionary<SessionTransition, (string, SessionPhase?, PhaseReason?)> Opening(Dictionary<SessionTransition, (string, SessionPhase?, PhaseReason?)> more)
    {
        more[StopStarting] = ("StartStopped", SessionPhase.Paused, PhaseReason.StoppedWhileStarting);
        more[RefuseStart] = ("StartFailed", SessionPhase.Failed, PhaseReason.CannotStart);
        more[CrashStart] = ("StartFailed", SessionPhase.Failed, PhaseReason.StartCrashed);
        more[Close] = Closed;
        return more;
    }

    private static Dictionary<SessionTransition, (string, SessionPhase?, PhaseReason?)> RunEnds(Dictionary<SessionTransition, (string, SessionPhase?, PhaseReason?)> more)
    {
        more[StopRun] = ("Paused", SessionPhase.Paused, PhaseReason.PausedAndSaved);
        more[FinishRun] = ("Finished", SessionPhase.Finished, PhaseReason.Completed);
        more[Diverge] = ("RunFailed", SessionPhase.Failed, PhaseReason.Diverged);
        more[FailSave] = ("RunFailed", SessionPhase.Failed, PhaseReason.SaveFailed);
        more[CrashRun] = ("RunFailed", SessionPhase.Failed, PhaseReason.RunCrashed);
        more[Close] = Closed;
        return more;
    }

    private static string Name(SessionStage stage) => stage is SessionStage.RunFailed { RunFinished: true } ? "RunFailedFinished" : stage.GetType().Name;

    /// <summary>A machine brought to <paramref name="stage"/> by allowed transitions; what that reported is forgotten.</summary>
    private PhaseMachine Reach(string stage)
    {
        var machine = new PhaseMachine(_reported.Add);
        foreach (var transition in PathTo(stage))
        {
            Take(machine, transition);
        }

        if (stage == "RunFailedFinished")
        {
            machine.FailSave(3, "disk full", runFinished: true);
        }

        Assert.Equal(stage, Name(machine.Stage));
        _reported.Clear();
        return machine;
    }

    private static SessionTransition[] PathTo(string stage) => stage switch
    {
        "Created" => [],
        "Starting" => [Open],
        "LoadingCheckpoint" => [Open, ReadCheckpoint],
        "CheckpointUnreadable" => [Open, ReadCheckpoint, FindUnreadable],
        "LoadingCorpus" => [Open, LoadCorpus],
        "Preparing" => [Open, LoadCorpus, Prepare],
        "Paused" => [Open, LoadCorpus, Prepare, AwaitResume],
        "Training" => [Open, LoadCorpus, Prepare, StartTraining],
        "Pausing" => [Open, LoadCorpus, Prepare, StartTraining, Pause],
        "Finished" => [Open, LoadCorpus, Prepare, StartTraining, FinishRun],
        "RunFailed" => [Open, LoadCorpus, Prepare, StartTraining, Diverge],
        "RunFailedFinished" => [Open, LoadCorpus, Prepare, StartTraining],
        "StartStopped" => [Open, StopStarting],
        "StartFailed" => [Open, RefuseStart],
        "Closed" => [Open, Close],
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    private void Take(PhaseMachine machine, SessionTransition transition)
    {
        switch (transition)
        {
            case Open: machine.Open(); break;
            case ReadCheckpoint: machine.ReadCheckpoint("/ck"); break;
            case FindUnreadable: machine.FindUnreadable(models.Store, new CheckpointException("damaged")); break;
            case Reopen: machine.Reopen(); break;
            case LoadCorpus: machine.LoadCorpus("text-file", checkpoint: null); break;
            case Prepare: machine.Prepare(); break;
            case AwaitResume: machine.AwaitResume(models.Trainer); break;
            case StartTraining: machine.StartTraining(models.Trainer, new CancellationTokenSource()); break;
            case ResumeTraining: machine.ResumeTraining(new CancellationTokenSource()); break;
            case Pause: machine.Pause(); break;
            case StopRun: machine.StopRun(5); break;
            case FinishRun: machine.FinishRun(5); break;
            case Diverge: machine.Diverge(5, "the loss diverged"); break;
            case FailSave: machine.FailSave(5, "disk full", runFinished: false); break;
            case CrashRun: machine.CrashRun(new IOException("boom"), detailsLogged: false); break;
            case StopStarting: machine.StopStarting(); break;
            case RefuseStart: machine.RefuseStart(new CorpusUnavailableException("no network")); break;
            case CrashStart: machine.CrashStart(new IOException("boom"), detailsLogged: false); break;
            case Close: machine.Close(); break;
            default: throw new ArgumentOutOfRangeException(nameof(transition), transition, null);
        }
    }

    /// <summary>A tiny trainer for the stages that hold one (the machine never runs it), and a checkpoint it saved.</summary>
    public sealed class Models : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public Models()
        {
            Store = new CheckpointStore(_temp.Combine("ckpt"));
            Trainer = Trainer.Start(Plans.Tiny(Store.Directory, maxSteps: 2));
            Trainer.Run(null, CancellationToken.None);
            Checkpoint = Store.Load(TokenizerPlugins.Catalog);
        }

        public CheckpointStore Store { get; }

        public Trainer Trainer { get; }

        public LoadedCheckpoint Checkpoint { get; }

        public void Dispose()
        {
            Trainer.Dispose();
            Checkpoint.Model.Dispose();
            _temp.Dispose();
        }
    }
}
