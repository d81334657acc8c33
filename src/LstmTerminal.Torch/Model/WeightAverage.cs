using TorchSharp.Modules;
using static TorchSharp.torch;
using LstmTerminal.Core.Model;

namespace LstmTerminal.Torch.Model;

/// <summary>
/// An exponential moving average of a model's trainable weights. Dropout-trained weights wander around a good
/// point with the optimiser's noise; their average sits nearer to it, so validation, samples and the saved model
/// use the average while training goes on with the raw weights.
/// </summary>
public sealed class WeightAverage : IDisposable
{
    // The average starts as a copy of the random initial weights; a short warm-up keeps those from lingering.
    private const double WarmupSteps = 10;

    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly Tensor[] _averages;
    private readonly double _decay;

    /// <summary>Starts the average at the parameters' current values.</summary>
    public WeightAverage(IReadOnlyList<Parameter> parameters, double decay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decay);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(decay, 1.0);
        _parameters = parameters;
        _decay = decay;
        using var noGrad = no_grad();
        _averages = parameters.Select(parameter => parameter.detach().clone().DetachFromDisposeScope()).ToArray();
    }

    /// <summary>Folds the parameters' values after <paramref name="step"/> optimiser steps into the average.</summary>
    public void Update(long step)
    {
        var decay = Math.Min(_decay, (1.0 + step) / (WarmupSteps + step));
        using var noGrad = no_grad();
        for (var i = 0; i < _averages.Length; i++)
        {
            _averages[i].mul_(decay).add_(_parameters[i], alpha: 1 - decay);
        }
    }

    /// <summary>Puts the average into the parameters until the returned scope ends, then the raw weights back.</summary>
    public IDisposable SwappedIn()
    {
        Swap();
        return new SwapBack(this);
    }

    private void Swap()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (var i = 0; i < _averages.Length; i++)
        {
            var raw = _parameters[i].detach().clone();
            _parameters[i].copy_(_averages[i]);
            _averages[i].copy_(raw);
        }
    }

    public void Dispose()
    {
        foreach (var average in _averages)
        {
            average.Dispose();
        }
    }

    private sealed class SwapBack(WeightAverage average) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                average.Swap();
            }
        }
    }
}
