using TorchSharp.Modules;
using static TorchSharp.torch;
using LstmTerminal.Core.Model;

namespace LstmTerminal.Torch.Model;

/// <summary>
/// One training step's DropConnect on the LSTM's hidden-to-hidden weights: the same connections are cut at every
/// time step of the sequence, which regularises the recurrence where dropout on its activations would break the
/// carried memory. Construction masks the weights in place (each kept one scaled by 1/(1-p));
/// <see cref="Restore"/>, after the backward pass, puts the raw weights back and applies the mask to their
/// gradients (d loss / d raw = d loss / d masked × mask) before clipping and the optimiser see them.
/// </summary>
public sealed class RecurrentWeightDrop : IDisposable
{
    private readonly IReadOnlyList<Parameter> _weights;
    private readonly Tensor[] _raw;
    private readonly Tensor[] _masks;
    private bool _restored;

    public RecurrentWeightDrop(IReadOnlyList<Parameter> weights, double probability)
    {
        _weights = weights;
        using var noGrad = no_grad();
        _raw = weights.Select(weight => weight.detach().clone().DetachFromDisposeScope()).ToArray();
        _masks = weights.Select(weight => nn.functional.dropout(ones_like(weight), probability, training: true).DetachFromDisposeScope()).ToArray();
        for (var i = 0; i < weights.Count; i++)
        {
            weights[i].mul_(_masks[i]);
        }
    }

    /// <summary>Puts the raw weights back and turns the masked weights' gradients into theirs.</summary>
    public void Restore()
    {
        PutRawWeightsBack(maskGradients: true);
    }

    /// <summary>Without <see cref="Restore"/> (a failed step) the raw weights still go back; gradients are left alone.</summary>
    public void Dispose()
    {
        PutRawWeightsBack(maskGradients: false);
        foreach (var tensor in _raw.Concat(_masks))
        {
            tensor.Dispose();
        }
    }

    private void PutRawWeightsBack(bool maskGradients)
    {
        if (_restored)
        {
            return;
        }

        _restored = true;
        using var noGrad = no_grad();
        for (var i = 0; i < _weights.Count; i++)
        {
            _weights[i].copy_(_raw[i]);
            if (maskGradients)
            {
                _weights[i].grad?.mul_(_masks[i]);
            }
        }
    }
}
