using LstmTerminal.Core.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Training;

/// <summary>The blockwise loss against libtorch's own cross-entropy and autograd, value for value.</summary>
public sealed class BlockwiseCrossEntropyTests
{
    // 3,000 classes make 241-row blocks, so 1,000 rows end in a partial block.
    private const int Rows = 1000;
    private const int Inputs = 32;
    private const int Classes = 3000;

    [Fact]
    public void Backward_GivesTheLossAndGradientsOfCrossEntropy()
    {
        // Given features, an output layer and targets; when the blockwise backward runs
        using var scope = NewDisposeScope();
        var (source, projection, weight, bias, targets) = Problem(seed: 1);

        // And libtorch's own cross-entropy on the same
        var expected = Reference(source, projection, weight, bias, targets);
        var loss = BlockwiseCrossEntropy.Backward(source.mm(projection), weight, bias, targets);

        // Then loss and gradients agree
        Assert.Equal(expected.Loss, loss.item<float>(), 5);
        AssertClose(expected.Projection, projection.grad!);
        AssertClose(expected.Weight, weight.grad!);
        AssertClose(expected.Bias, bias.grad!);
        Assert.False(loss.requires_grad);
    }

    [Fact]
    public void Backward_ThroughGatheredRows_ReachesTheFullMatrix()
    {
        // Given the rows of a few candidate words gathered from the output layer
        using var scope = NewDisposeScope();
        var (source, projection, weight, bias, targets) = Problem(seed: 2);
        var candidates = tensor(new long[] { 7, 2999, 0, 42, 1500 });
        var slots = targets.remainder(candidates.shape[0]);

        // When libtorch's cross-entropy runs backward through them
        cross_entropy(source.mm(projection).mm(weight.index_select(0, candidates).t()) + bias.index_select(0, candidates), slots).backward();

        var expectedWeight = weight.grad!.clone();
        var expectedBias = bias.grad!.clone();
        weight.grad!.zero_();
        bias.grad!.zero_();
        projection.grad!.zero_();

        // And the blockwise backward does the same
        BlockwiseCrossEntropy.Backward(source.mm(projection), weight.index_select(0, candidates), bias.index_select(0, candidates), slots);

        // Then both reach the full matrix alike
        AssertClose(expectedWeight, weight.grad!);
        AssertClose(expectedBias, bias.grad!);
        Assert.Equal(0, weight.grad!.index_select(0, tensor(new long[] { 1, 3, 2998 })).count_nonzero().item<long>());
    }

    [Fact]
    public void Backward_AddsToTheGradientOfAMatrixUsedUpstreamToo()
    {
        // Given tied embeddings: the output matrix also produced the features, and both uses must add up
        using var scope = NewDisposeScope();
        var (_, _, weight, bias, targets) = Problem(seed: 3);
        var tokens = targets.flip(0);

        // When libtorch's cross-entropy runs backward
        cross_entropy(weight.index_select(0, tokens).tanh().mm(weight.t()) + bias, targets).backward();
        var expected = weight.grad!.clone();
        weight.grad!.zero_();
        bias.grad!.zero_();

        // And the blockwise backward does the same
        BlockwiseCrossEntropy.Backward(weight.index_select(0, tokens).tanh(), weight, bias, targets);

        // Then the gradients agree
        AssertClose(expected, weight.grad!);
    }

    [Fact]
    public void Sum_IsTheSummedCrossEntropy()
    {
        // Given features, an output layer and targets; when the blockwise sum is taken
        using var scope = NewDisposeScope();
        var (source, projection, weight, bias, targets) = Problem(seed: 4);
        using var noGrad = no_grad();
        var features = source.mm(projection);

        // And libtorch's summed cross-entropy
        var expected = cross_entropy(features.mm(weight.t()) + bias, targets, reduction: TorchSharp.torch.nn.Reduction.Sum).item<float>();
        var sum = BlockwiseCrossEntropy.Sum(features, weight, bias, targets).item<float>();

        // Then they agree
        Assert.Equal(1.0, sum / expected, 5);
    }

    private static (float Loss, Tensor Projection, Tensor Weight, Tensor Bias) Reference(Tensor source, Tensor projection, Tensor weight, Tensor bias, Tensor targets)
    {
        var loss = cross_entropy(source.mm(projection).mm(weight.t()) + bias, targets);
        loss.backward();
        var result = (loss.item<float>(), projection.grad!.clone(), weight.grad!.clone(), bias.grad!.clone());
        foreach (var parameter in new[] { projection, weight, bias })
        {
            parameter.grad!.zero_();
        }

        return result;
    }

    /// <summary>Features come out of a trainable projection, so the test sees gradients flow through them.</summary>
    private static (Tensor Source, Tensor Projection, Tensor Weight, Tensor Bias, Tensor Targets) Problem(int seed)
    {
        var generator = new TorchSharp.torch.Generator((ulong)seed);
        var source = randn([Rows, Inputs], generator: generator);
        var projection = (randn([Inputs, Inputs], generator: generator) * 0.3).requires_grad_();
        var weight = (randn([Classes, Inputs], generator: generator) * 0.5).requires_grad_();
        var bias = (randn([Classes], generator: generator) * 0.1).requires_grad_();
        var targets = randint(0, Classes, [Rows], generator: generator);
        return (source, projection, weight, bias, targets);
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        var scale = expected.abs().max().item<float>();
        var error = (expected - actual).abs().max().item<float>();
        Assert.True(scale > 0, "the expected gradient is all zeros, so the comparison would prove nothing");
        Assert.True(error <= 1e-5 * scale + 1e-9, $"largest difference {error} against a largest value {scale}");
    }
}
