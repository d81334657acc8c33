using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Model;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Torch.Data;
using LstmTerminal.Torch.Model;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Generator = LstmTerminal.Core.Generation.Generator;

namespace LstmTerminal.Torch.Training;

/// <summary>
/// Owns the model and the Adam optimiser and trains them over the plan's batches. The LSTM state is carried from one
/// step of a batch row to the next (detached) and reset each epoch; each epoch shifts the rows by a seed-derived offset
/// so batches vary without breaking the carried state. Everything that decides the trajectory (offsets, dropout
/// noise, noise words) derives from the seed and the step, so a resumed run continues exactly.
/// </summary>
public sealed class Trainer : IDisposable
{
    private readonly TrainingPlan _plan;
    private readonly LstmLanguageModel _model;
    private readonly Adam _optimizer;
    private readonly Parameter[] _parameters;
    private readonly BatchLayout _layout;
    private readonly StepGradients _gradients;
    private readonly WeightAverage? _average;
    private readonly TrainingPosition _position;
    private readonly ILearningRateSchedule _schedule;
    private readonly SampleWriter _samples;
    private readonly CheckpointWriter _checkpoints;
    private readonly BestCheckpoint _best;
    private readonly TrainingRecords _records;
    private LstmState? _state;

    private Trainer(TrainingPlan plan, LstmLanguageModel model, CheckpointManifest? resumed)
    {
        _plan = plan;
        _layout = BatchLayout.For(plan.Corpus.Split.Training.Length, plan.Settings.BatchSize, plan.Settings.SequenceLength);
        _model = model;
        _model.train();
        _parameters = _model.TrainableParameters.ToArray();
        _gradients = new StepGradients(model, plan.Shape, plan.Settings);
        _optimizer = optim.Adam(_parameters, plan.Settings.LearningRate, weight_decay: plan.Settings.WeightDecay);
        _average = plan.Settings.WeightAveraging > 0 ? new WeightAverage(_parameters, plan.Settings.WeightAveraging) : null;
        _position = TrainingPosition.At(resumed);
        _schedule = plan.Cosine is { } cosine
            ? new CosineSchedule(plan.Settings.LearningRate, cosine, TotalSteps, plan.TimeBudget)
            : new PlateauSchedule(resumed?.LearningRate ?? plan.Settings.LearningRate, plan.LearningRateDecay, _position.ValidationHistory);
        SetLearningRate(_schedule.LearningRate);
        _samples = new SampleWriter(plan.PrimeTexts, plan.Corpus.Vocabulary, plan.SampleSampler, plan.SampleSettings);
        Weights = new PublishedWeights(InferenceWeights, TimeProvider.System);
        _checkpoints = new CheckpointWriter(plan.Checkpoints.Directory, plan.SaveEvery, savedStep: _position.Step, Weights, manifest => SaveTo(plan.Checkpoints, manifest));
        _best = new BestCheckpoint(BestCheckpoint.StoreIn(plan.Checkpoints.Directory), _position.ValidationHistory, Weights, SaveTo);
        _records = new TrainingRecords(plan.Checkpoints.Directory, plan.TensorBoardDirectory);
    }

    public long Step => _position.Step;

    public PreparedCorpus Corpus => _plan.Corpus;

    public ModelShape Shape => _plan.Shape;

    public int TokensPerStep => _layout.BatchSize * _layout.SequenceLength;

    public IReadOnlyList<LossPoint> LossHistory => _position.LossHistory;

    public IReadOnlyList<ValidationPoint> ValidationHistory => _position.ValidationHistory;

    public int StepsPerEpoch => _layout.StepsPerEpoch;

    /// <summary>The global step at which the run ends: all epochs, or the step limit if that comes first.</summary>
    public long TotalSteps => Math.Min((long)_plan.Epochs * _layout.StepsPerEpoch, _plan.MaxSteps ?? long.MaxValue);

    /// <summary>Where the time of each step goes, when someone asks (<c>bench</c>); set before <see cref="Run"/>.</summary>
    public StepPhases? Phases { get; set; }

    /// <summary>The model's weights as other threads see them while it trains.</summary>
    public PublishedWeights Weights { get; }

    public static Trainer Start(TrainingPlan plan) =>
        new(plan, SeededRandom.Draw(plan.Settings.Seed, () => new LstmLanguageModel(plan.Shape)), resumed: null);

    /// <summary>Continues from a checkpoint; takes ownership of its model.</summary>
    public static Trainer Resume(TrainingPlan plan, LoadedCheckpoint checkpoint)
    {
        var trainer = new Trainer(plan, checkpoint.Model, checkpoint.Manifest);
        try
        {
            checkpoint.CheckFits(trainer.StepsPerEpoch);
            if (trainer._average is not null)
            {
                // The average started from model.bin, which holds it; training goes on from the raw weights.
                checkpoint.RestoreTrainingWeights(trainer._model);
            }

            checkpoint.RestoreOptimizer(trainer._optimizer);
            trainer._state = checkpoint.ReadCarriedState();
            return trainer;
        }
        catch
        {
            trainer.Dispose();
            throw;
        }
    }

    /// <summary>A generator on a copy of the weights, usable on another thread while training goes on.</summary>
    public Generator CreateGenerator() => new(Weights.Read(), _plan.Corpus.Vocabulary);

    /// <summary>Asks a running <see cref="Run"/> to save a checkpoint after its current step; safe from any thread.</summary>
    public void RequestSave() => _checkpoints.Request();

    public Task<TrainingResult> RunAsync(IProgress<TrainingEvent>? progress, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Run(progress, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Trains until the epochs or the step limit are done, the loss diverges, the time budget is spent, validation stops improving, or cancellation.</summary>
    /// <exception cref="TrainingMemoryException">libtorch could not allocate the tensors of a step.</exception>
    public TrainingResult Run(IProgress<TrainingEvent>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return RunSteps(progress, cancellationToken);
        }
        catch (Exception e) when (TorchErrors.IsOutOfMemory(e))
        {
            throw TrainingMemoryException.From(e);
        }
    }

    private TrainingResult RunSteps(IProgress<TrainingEvent>? progress, CancellationToken cancellationToken)
    {
        var startStep = _position.Step;
        var clock = new RunClock(TimeProvider.System, startStep, TokensPerStep, _plan.TimeBudget);
        var stopRules = new StopRules(_plan.MaxSteps, _plan.TimeBudget);
        _checkpoints.BeginRun();
        _records.BeginRun(startStep, progress);
        Weights.PublishWhenFree();
        StopReason? stop = null;
        string? problem = null;
        while (stop is null && _position.Epoch < _plan.Epochs)
        {
            using var batches = new TokenBatches(_plan.Corpus.Split.Training, _layout, EpochOffset(_position.Epoch));
            for (var epoch = _position.Epoch; stop is null && _position.Epoch == epoch;)
            {
                // Stop before the step: cancellation, step limit, time budget.
                if ((stop = stopRules.Before(_position.Step, clock.Elapsed, cancellationToken)) is not null)
                {
                    break;
                }

                // The step's rate, then forward, backward, clip, optimiser step.
                if (_schedule.BeforeStep(_position.Step, clock.Elapsed))
                {
                    SetLearningRate(_schedule.LearningRate);
                }

                var loss = TrainStep(batches);
                if (StopRules.HasDiverged(loss))
                {
                    (stop, problem) = (StopReason.Diverged, StopRules.Diverged($"The training loss became {loss:G4} at step {_position.Step + 1}"));
                    break;
                }

                // Log the step; readers of the weights get a fresh copy now and then.
                _position.CompleteStep(loss);
                Weights.RefreshIfRead();
                var report = StepReport(loss, clock);
                progress?.Report(report);

                // Samples every EvalEvery steps.
                if (_position.Step % _plan.EvalEvery == 0 && _samples.HasPrimes)
                {
                    progress?.Report(new SamplesGenerated(_position.Step, _samples.Write(Weights.PublishWhenFree(), cancellationToken)));
                    NativeHeap.ReleaseFreeMemory();
                }

                // End of epoch: validate, lower the rate on a plateau, keep the best, reset the carried state; then the step's records.
                var validation = _position.StepInEpoch == _layout.StepsPerEpoch ? EndEpoch(progress) : null;
                _records.Write(report, validation, _schedule.LearningRate, progress);
                if (validation is not null && StopRules.HasDiverged(validation.Loss))
                {
                    (stop, problem) = (StopReason.Diverged, StopRules.Diverged($"The validation loss became {validation.Loss:G4} after epoch {validation.Epoch}"));
                    break;
                }

                // Too many epochs without a better validation stop the run.
                stop = validation is not null && EarlyStopping.IsDue(_position.ValidationHistory, _plan.EarlyStoppingPatience) ? StopReason.EarlyStopped : null;

                // Checkpoint every SaveEvery steps, or on request.
                if (_checkpoints.IsDue(_position.Step))
                {
                    Save(progress);
                }
            }
        }

        // The last step is saved, unless the run diverged: the last good checkpoint stays.
        if (stop != StopReason.Diverged && !_checkpoints.IsSaved(_position.Step))
        {
            Save(progress);
        }

        var final = stop is StopReason.TimeBudget or StopReason.StepLimit && _position.StepInEpoch > 0 ? FinalValidation(progress, cancellationToken) : null;
        return TrainingResult.Of(stop ?? StopReason.Completed, problem, _position, clock, startStep, _checkpoints, final);
    }

    /// <summary>
    /// A budget or step limit that ends mid-epoch leaves the last validation behind the saved weights, so the run's
    /// figure would not be the saved model's; these are validated once more. The point stays out of the epoch history
    /// (and so out of the plateau rule, early stopping and best/), since a resumed run must continue as an unbroken one.
    /// The save is done by then, so a stop may cut it short; the result then falls back on the last epoch's.
    /// </summary>
    private ValidationPoint? FinalValidation(IProgress<TrainingEvent>? progress, CancellationToken cancellationToken)
    {
        try
        {
            var point = Validate(cancellationToken);
            if (point is not null)
            {
                progress?.Report(ValidationCompleted.Of(point) with { MidEpoch = true });
            }

            return point;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The validation text's score under the weights inference uses; null without a validation tail.</summary>
    private ValidationPoint? Validate(CancellationToken cancellationToken)
    {
        if (_plan.Corpus.Split.Validation.Length < 2)
        {
            return null;
        }

        ValidationScore score;
        using (Weights.Hold())
        {
            using var averaged = _average?.SwappedIn();
            score = Evaluator.Validate(_model, _plan.Corpus, _layout.BatchSize, _layout.SequenceLength, cancellationToken);
        }

        return new ValidationPoint { Step = _position.Step, Epoch = _position.Epoch + 1, Loss = score.Loss, Perplexity = score.Perplexity, BitsPerCharacter = score.BitsPerCharacter };
    }

    /// <summary>One optimiser step on the epoch's next batch; returns its loss.</summary>
    private double TrainStep(TokenBatches batches)
    {
        using var scope = NewDisposeScope();
        var (inputs, targets) = batches.Batch(_position.StepInEpoch);
        using (Weights.Hold())
        {
            Phases?.Begin();
            _optimizer.zero_grad();
            var (loss, hidden, cell) = _gradients.Compute(inputs, targets, _state, _position.Step, Phases);
            nn.utils.clip_grad_norm_(_parameters, _plan.Settings.GradientClip);
            _optimizer.step();
            _average?.Update(_position.Step + 1);
            Phases?.End(StepPhase.ClipAndOptimizer);
            _state?.Dispose();
            _state = new LstmState(hidden, cell).DetachToOuterScope();
            return loss.item<float>();
        }
    }

    private StepCompleted StepReport(double loss, RunClock clock)
    {
        var elapsed = clock.Elapsed;
        return new StepCompleted
        {
            Step = _position.Step,
            TotalSteps = TotalSteps,
            Epoch = _position.Epoch + 1,
            Epochs = _plan.Epochs,
            StepInEpoch = _position.StepInEpoch,
            StepsPerEpoch = _layout.StepsPerEpoch,
            Loss = loss,
            TokensPerSecond = clock.TokensPerSecond(_position.Step, elapsed),
            Elapsed = elapsed,
            Eta = clock.Eta(_position.Step, TotalSteps, elapsed),
        };
    }

    /// <summary>Validates (if the corpus has a validation tail), lowers the rate on a plateau, starts the next epoch afresh and keeps a better one in best/.</summary>
    private ValidationPoint? EndEpoch(IProgress<TrainingEvent>? progress)
    {
        // Not cancellable: a stop must wait for it, since a run cut off here would end without its last save.
        var point = Validate(CancellationToken.None);
        if (point is not null)
        {
            _position.ValidationHistory.Add(point);
            if (_schedule.Validated(point.Loss))
            {
                SetLearningRate(_schedule.LearningRate);
                progress?.Report(new LearningRateLowered(_position.Step, _schedule.LearningRate));
            }
        }

        _position.CompleteEpoch();
        _state?.Dispose();
        _state = null;
        if (point is not null)
        {
            _best.Offer(point, () => _position.ToManifest(_plan, _schedule.LearningRate), progress);
        }

        // After the best save too: what it freed would otherwise stay with the process for the whole next epoch. The
        // validation is reported after both, so every epoch's report (and the working set printed with it) sees the same work.
        NativeHeap.ReleaseFreeMemory();
        if (point is not null)
        {
            progress?.Report(ValidationCompleted.Of(point));
        }

        return point;
    }

    private void Save(IProgress<TrainingEvent>? progress) => _checkpoints.Save(_position.ToManifest(_plan, _schedule.LearningRate), progress);

    private void SaveTo(CheckpointStore store, CheckpointManifest manifest) => store.Save(manifest, _plan.Corpus.Vocabulary, _model, _optimizer, _state, _average);

    /// <summary>The weights inference uses (the average, when there is one); the caller holds them.</summary>
    private ModelWeights InferenceWeights()
    {
        using var averaged = _average?.SwappedIn();
        return _model.ExportWeights();
    }

    private int EpochOffset(int epoch) =>
        _layout.Slack == 0 ? 0 : new Random(DerivedSeed.Of(_plan.Settings.Seed, epoch, SeedPurpose.EpochOffset)).Next(_layout.Slack + 1);

    private void SetLearningRate(double learningRate)
    {
        foreach (var group in _optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }

    public void Dispose()
    {
        _state?.Dispose();
        _optimizer.Dispose();
        _average?.Dispose();
        _model.Dispose();
    }
}
