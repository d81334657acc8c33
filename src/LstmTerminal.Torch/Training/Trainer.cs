using System.Diagnostics;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using TorchSharp.Modules;
using Generator = LstmTerminal.Core.Generation.Generator;
using static TorchSharp.torch;
using LstmTerminal.Torch.Model;
using LstmTerminal.Torch.Data;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Core.Training;

namespace LstmTerminal.Torch.Training;

/// <summary>
/// Owns the model and the Adam optimiser and trains them over the plan's token streams. The LSTM state is carried
/// from one window of a stream to the next (detached) and reset each epoch; each epoch shifts the streams by a
/// seed-derived offset so windows vary without breaking the carried state. Everything that decides the
/// trajectory (offsets, dropout noise) derives from the seed and the step, so a resumed run continues exactly.
/// </summary>
public sealed class Trainer : IDisposable
{
    private const int RecentLossWindow = 10;

    /// <summary>How old the weights a completion gets during training may be, once anyone has asked for them.</summary>
    private static readonly TimeSpan PublishInterval = TimeSpan.FromSeconds(1);

    private readonly TrainingPlan _plan;
    private readonly LstmLanguageModel _model;
    private readonly Adam _optimizer;
    private readonly Parameter[] _parameters;
    private readonly Lock _weightsLock = new();
    private readonly List<LossPoint> _lossHistory;
    private readonly List<ValidationPoint> _validationHistory;
    private readonly StreamLayout _layout;
    private readonly CandidateWords? _candidateWords;
    private readonly WeightAverage? _average;
    private long _step;
    private int _epoch;
    private int _window;
    private LstmState? _state;
    private long _lastSavedStep;
    private double _learningRate;
    private int _saveRequested;
    private ModelWeights? _published;
    private long _publishedAt;
    private volatile bool _hasReaders;

    private Trainer(TrainingPlan plan, LstmLanguageModel model, CheckpointManifest? resumed)
    {
        _plan = plan;
        _layout = StreamLayout.For(plan.Corpus.Split.Training.Length, plan.Settings.BatchSize, plan.Settings.SequenceLength);
        _model = model;
        _model.train();
        _parameters = _model.TrainableParameters.ToArray();
        _candidateWords = plan.Settings.Softmax == SoftmaxObjective.Sampled
            ? new CandidateWords(plan.Shape.VocabularySize, plan.Settings.SampledCandidates)
            : null;
        _optimizer = optim.Adam(_parameters, plan.Settings.LearningRate, weight_decay: plan.Settings.WeightDecay);
        _average = plan.Settings.WeightAveraging > 0 ? new WeightAverage(_parameters, plan.Settings.WeightAveraging) : null;
        _lossHistory = resumed?.LossHistory.ToList() ?? [];
        _validationHistory = resumed?.ValidationHistory.ToList() ?? [];
        _step = resumed?.Step ?? 0;
        _epoch = resumed?.Epoch ?? 0;
        _window = resumed?.Window ?? 0;
        _lastSavedStep = _step;
        _learningRate = resumed?.LearningRate ?? plan.Settings.LearningRate;
        SetLearningRate(_learningRate);
    }

    public long Step => _step;

    public PreparedCorpus Corpus => _plan.Corpus;

    public ModelShape Shape => _plan.Shape;

    public int TokensPerStep => _layout.Streams * _layout.WindowLength;

    public IReadOnlyList<LossPoint> LossHistory => _lossHistory;

    public IReadOnlyList<ValidationPoint> ValidationHistory => _validationHistory;

    /// <summary>Steps in one epoch.</summary>
    public int WindowsPerEpoch => _layout.Windows;

    /// <summary>The global step at which the run ends: all epochs, or the step limit if that comes first.</summary>
    public long TotalSteps
    {
        get
        {
            var all = (long)_plan.Epochs * _layout.Windows;
            return _plan.MaxSteps is { } limit ? Math.Min(all, limit) : all;
        }
    }

    public static Trainer Start(TrainingPlan plan)
    {
        return new Trainer(plan, SeededRandom.Draw(plan.Settings.Seed, () => new LstmLanguageModel(plan.Shape)), resumed: null);
    }

    /// <summary>Continues from a checkpoint; takes ownership of its model.</summary>
    public static Trainer Resume(TrainingPlan plan, LoadedCheckpoint checkpoint)
    {
        var trainer = new Trainer(plan, checkpoint.Model, checkpoint.Manifest);
        try
        {
            var manifest = checkpoint.Manifest;
            if (manifest.Window >= trainer.WindowsPerEpoch)
            {
                throw new CheckpointException(
                    $"The checkpoint in {checkpoint.Store.Directory} stopped after batch {manifest.Window} of epoch {manifest.Epoch + 1}, but this corpus gives {trainer.WindowsPerEpoch} batches per epoch. " +
                    $"Resume it with the corpus it was trained on ({manifest.Corpus}), or train without --resume.");
            }

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

    /// <summary>
    /// A generator on a copy of the weights, usable on another thread while training goes on. It never waits for a
    /// training step (which holds the weights for its whole length, 0.2 s at the recipe's size, validation longer): when
    /// the weights are busy it gets the copy the trainer publishes between steps, at most about a second old.
    /// </summary>
    public Generator CreateGenerator()
    {
        _hasReaders = true;
        ModelWeights? weights = null;
        if (_weightsLock.TryEnter())
        {
            try
            {
                weights = Publish();
            }
            finally
            {
                _weightsLock.Exit();
            }
        }

        // A run publishes before its first step, so only a call racing that can find nothing; it waits for the copy.
        weights ??= Volatile.Read(ref _published) ?? PublishWhenFree();
        return new Generator(weights, _plan.Corpus.Vocabulary);
    }

    /// <summary>Held while the weights change (a training step, validation, a save); tests hold it to stand for a long step.</summary>
    internal Lock WeightsLock => _weightsLock;

    /// <summary>Asks a running <see cref="Run"/> to save a checkpoint after its current step; safe from any thread.</summary>
    public void RequestSave() => Interlocked.Exchange(ref _saveRequested, 1);

    private ModelWeights PublishWhenFree()
    {
        lock (_weightsLock)
        {
            return Publish();
        }
    }

    /// <summary>Copies the weights inference uses (the average, when there is one) for readers on other threads.</summary>
    private ModelWeights Publish()
    {
        using var averaged = _average?.SwappedIn();
        var weights = _model.ExportWeights();
        Volatile.Write(ref _published, weights);
        Volatile.Write(ref _publishedAt, Stopwatch.GetTimestamp());
        return weights;
    }

    /// <summary>Between steps: keeps the published copy fresh while something reads it, and only then.</summary>
    private void RefreshPublishedWeights()
    {
        if (_hasReaders && Stopwatch.GetElapsedTime(Volatile.Read(ref _publishedAt)) >= PublishInterval)
        {
            PublishWhenFree();
        }
    }

    public Task<TrainingResult> RunAsync(IProgress<TrainingEvent>? progress, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Run(progress, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Trains until the epochs or the step limit are done, the loss diverges, or cancellation.</summary>
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
        var clock = Stopwatch.StartNew();
        var startStep = _step;
        PublishWhenFree();
        var recent = new Queue<double>();
        var totalSteps = TotalSteps;
        CheckpointSaved? saved = null;
        string? saveProblem = null;
        string? problem = null;
        var reason = StopReason.Completed;

        void Record(TrainingEvent outcome)
        {
            saved = outcome as CheckpointSaved ?? saved;
            saveProblem = (outcome as CheckpointFailed)?.Message;
        }

        while (_epoch < _plan.Epochs && reason == StopReason.Completed)
        {
            using var batches = new StreamBatches(_plan.Corpus.Split.Training, _layout, EpochOffset(_epoch));
            var epoch = _epoch;
            while (_epoch == epoch)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    reason = StopReason.Cancelled;
                    break;
                }

                if (_plan.MaxSteps is { } limit && _step >= limit)
                {
                    reason = StopReason.StepLimit;
                    break;
                }

                if (clock.Elapsed >= _plan.TimeBudget)
                {
                    reason = StopReason.TimeBudget;
                    break;
                }

                var loss = TrainWindow(batches);
                if (HasDiverged(loss))
                {
                    reason = StopReason.Diverged;
                    problem = Diverged($"The training loss became {loss:G4} at step {_step + 1}");
                    break;
                }

                _step++;
                _window++;
                RefreshPublishedWeights();
                _lossHistory.Add(new LossPoint(_step, loss));
                recent.Enqueue(loss);
                if (recent.Count > RecentLossWindow)
                {
                    recent.Dequeue();
                }

                var elapsed = clock.Elapsed;
                var done = _step - startStep;
                var perStep = elapsed / done;
                progress?.Report(new StepCompleted(
                    _step, totalSteps, _epoch + 1, _plan.Epochs, _window, _layout.Windows, loss,
                    done * _layout.Streams * _layout.WindowLength / elapsed.TotalSeconds, elapsed, Eta(perStep * Math.Max(0, totalSteps - _step), elapsed)));

                if (_step % _plan.EvalEvery == 0 && _plan.PrimeTexts.Count > 0)
                {
                    progress?.Report(new SamplesGenerated(_step, Samples(cancellationToken)));
                    NativeHeap.ReleaseFreeMemory();
                }

                if (_window == _layout.Windows && EndEpoch(progress, cancellationToken) is { } validation && HasDiverged(validation.Loss))
                {
                    reason = StopReason.Diverged;
                    problem = Diverged($"The validation loss became {validation.Loss:G4} after epoch {validation.Epoch}");
                    break;
                }

                // Take the request even when the schedule saves anyway, so it does not cause a second save next step.
                var saveRequested = Interlocked.Exchange(ref _saveRequested, 0) == 1;
                if (saveRequested || _step % _plan.SaveEvery == 0)
                {
                    Record(Save(progress));
                }
            }
        }

        if (reason != StopReason.Diverged && _step != _lastSavedStep)
        {
            Record(Save(progress));
        }

        var last = _validationHistory.LastOrDefault();
        var ran = _step - startStep;
        return new TrainingResult(
            reason,
            _step,
            _epoch,
            recent.Count > 0 ? recent.Average() : null,
            last?.Loss,
            last?.Perplexity,
            ran == 0 ? 0 : ran * _layout.Streams * _layout.WindowLength / clock.Elapsed.TotalSeconds,
            clock.Elapsed,
            saved?.Directory,
            saved?.Step,
            problem,
            saveProblem);
    }

    /// <summary>A loss whose perplexity no double can hold (or no number at all): the weights have blown up.</summary>
    private static bool HasDiverged(double loss) => !double.IsFinite(Math.Exp(loss));

    private static string Diverged(string what) =>
        $"{what}: training diverged and stopped, and the last good checkpoint was kept. Lower Training:LearningRate or Training:GradientClip.";

    /// <summary>The steps still to go, unless the time budget runs out first.</summary>
    private TimeSpan Eta(TimeSpan bySteps, TimeSpan elapsed) =>
        _plan.TimeBudget is { } budget && budget - elapsed < bySteps ? TimeSpan.FromTicks(Math.Max(0, (budget - elapsed).Ticks)) : bySteps;

    private int EpochOffset(int epoch) =>
        _layout.Slack == 0 ? 0 : new Random(DerivedSeed.Of(_plan.Settings.Seed, epoch, SeedPurpose.EpochOffset)).Next(_layout.Slack + 1);

    private double TrainWindow(StreamBatches batches)
    {
        using var scope = NewDisposeScope();
        var (inputs, targets) = batches.Window(_window);
        lock (_weightsLock)
        {
            _optimizer.zero_grad();
            var (features, hidden, cell, weightDrop) = Forward(inputs);
            Tensor loss;
            using (weightDrop)
            {
                loss = Backpropagate(features.reshape(-1, features.shape[2]), targets.reshape(-1));
                weightDrop?.Restore();
            }

            nn.utils.clip_grad_norm_(_parameters, _plan.Settings.GradientClip);
            _optimizer.step();
            _average?.Update(_step + 1);
            _state?.Dispose();
            _state = new LstmState(hidden, cell).DetachToOuterScope();
            return loss.item<float>();
        }
    }

    /// <summary>The step's forward pass, with dropout noise keyed to the step so that resuming reproduces it.</summary>
    private (Tensor Features, Tensor Hidden, Tensor Cell, RecurrentWeightDrop? WeightDrop) Forward(Tensor inputs)
    {
        if (!_plan.Shape.HasDropout)
        {
            var (features, hidden, cell) = _model.Features(inputs, _state);
            return (features, hidden, cell, null);
        }

        return SeededRandom.Draw(DerivedSeed.Of(_plan.Settings.Seed, _step, SeedPurpose.Dropout), () =>
        {
            var weightDrop = _plan.Shape.WeightDrop > 0 ? _model.DropRecurrentWeights() : null;
            try
            {
                var (features, hidden, cell) = _model.Features(inputs, _state);
                return (features, hidden, cell, weightDrop);
            }
            catch
            {
                weightDrop?.Dispose();
                throw;
            }
        });
    }

    /// <summary>Adds the loss's gradients to the parameters and returns the loss.</summary>
    private Tensor Backpropagate(Tensor features, Tensor targets)
    {
        if (_candidateWords is null)
        {
            var (weight, bias) = _model.OutputLayer();
            return BlockwiseCrossEntropy.Backward(features, weight, bias, targets);
        }

        var (candidates, slots) = _candidateWords.Draw(
            targets.data<long>().ToArray(), new Random(DerivedSeed.Of(_plan.Settings.Seed, _step, SeedPurpose.NoiseWords)));
        var (candidateWeight, candidateBias) = _model.OutputLayer(tensor(candidates));
        return BlockwiseCrossEntropy.Backward(features, candidateWeight, candidateBias, tensor(slots));
    }

    /// <returns>The epoch's validation, if the corpus has a validation tail.</returns>
    private ValidationPoint? EndEpoch(IProgress<TrainingEvent>? progress, CancellationToken cancellationToken)
    {
        var validation = Validate(progress, cancellationToken);
        NativeHeap.ReleaseFreeMemory();
        _epoch++;
        _window = 0;
        ResetState();
        return validation;
    }

    private void SetLearningRate(double learningRate)
    {
        foreach (var group in _optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }

    private void ResetState()
    {
        _state?.Dispose();
        _state = null;
    }

    private ValidationPoint? Validate(IProgress<TrainingEvent>? progress, CancellationToken cancellationToken)
    {
        if (_plan.Corpus.Split.Validation.Length < 2)
        {
            return null;
        }

        double loss, perplexity;
        lock (_weightsLock)
        {
            using var averaged = _average?.SwappedIn();
            (loss, perplexity) = Evaluator.Evaluate(_model, _plan.Corpus.Split.Validation, _layout.Streams, _layout.WindowLength, cancellationToken);
        }

        var point = new ValidationPoint(_step, _epoch + 1, loss, perplexity);
        var best = _validationHistory.Count == 0 ? double.PositiveInfinity : _validationHistory.Min(p => p.Loss);
        _validationHistory.Add(point);
        progress?.Report(new ValidationCompleted(_step, point.Epoch, loss, perplexity));
        if (loss >= best && _plan.LearningRateDecay < 1)
        {
            _learningRate *= _plan.LearningRateDecay;
            SetLearningRate(_learningRate);
            progress?.Report(new LearningRateLowered(_step, _learningRate));
        }

        return point;
    }

    private List<TrainingSample> Samples(CancellationToken cancellationToken)
    {
        var generator = new Generator(PublishWhenFree(), _plan.Corpus.Vocabulary);
        var samples = new List<TrainingSample>(_plan.PrimeTexts.Count);
        foreach (var prime in _plan.PrimeTexts)
        {
            try
            {
                var words = generator.Continue(generator.Encode(prime), _plan.SampleSampler, _plan.SampleSettings, cancellationToken)
                    .Select(word => word.Word);
                samples.Add(new TrainingSample(prime, string.Join(' ', words)));
            }
            catch (Exception e) when (e is PrimeException or SamplerException or ModelScoresException)
            {
                samples.Add(new TrainingSample(prime, $"({e.Message})"));
            }
        }

        return samples;
    }

    /// <returns>What became of the save: <see cref="CheckpointSaved"/> or <see cref="CheckpointFailed"/>, as reported.</returns>
    private TrainingEvent Save(IProgress<TrainingEvent>? progress)
    {
        var manifest = new CheckpointManifest
        {
            Step = _step,
            Epoch = _epoch,
            Window = _window,
            Model = _plan.Shape,
            Training = _plan.Settings,
            Corpus = _plan.Corpus.Source,
            LossHistory = _lossHistory,
            ValidationHistory = _validationHistory,
            LearningRate = _learningRate,
        };
        TrainingEvent outcome;
        try
        {
            lock (_weightsLock)
            {
                _plan.Checkpoints.Save(manifest, _plan.Corpus.Vocabulary, _model, _optimizer, _state, _average);
            }

            _lastSavedStep = _step;
            outcome = new CheckpointSaved(_step, _plan.Checkpoints.Directory);
        }
        catch (CheckpointException e)
        {
            outcome = new CheckpointFailed(_step, e.Message);
        }

        progress?.Report(outcome);
        return outcome;
    }

    public void Dispose()
    {
        ResetState();
        _optimizer.Dispose();
        _average?.Dispose();
        _model.Dispose();
    }
}
