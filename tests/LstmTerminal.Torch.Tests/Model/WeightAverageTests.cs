using LstmTerminal.Core.Model;
using TorchSharp.Modules;
using static TorchSharp.torch;
using LstmTerminal.Torch.Model;

namespace LstmTerminal.Torch.Tests.Model;

public sealed class WeightAverageTests
{
    [Fact]
    public void Update_MovesTheAverageTowardTheWeightsByOneMinusTheDecay()
    {
        // Given an average of 0 and 10 with decay 0.9, and the weights moved to 20 and 30
        var weight = new Parameter(tensor(new[] { 0f, 10f }));
        using var average = new WeightAverage([weight], decay: 0.9);
        Set(weight, 20f, 30f);

        // When the average takes them in
        average.Update(step: 1000);

        // Then it moved a tenth of the way, and the weights are untouched
        Assert.Equal(new[] { 2f, 12f }, Averaged(weight, average), Close);
        Assert.Equal(new[] { 20f, 30f }, Values(weight), Close);
    }

    [Fact]
    public void Update_ForgetsTheStartingWeightsQuickly_InTheFirstSteps()
    {
        // Given an average of 0 and the weight moved to 10
        var weight = new Parameter(tensor(new[] { 0f }));
        using var average = new WeightAverage([weight], decay: 0.9);
        Set(weight, 10f);

        // When the average takes it in at step 0
        average.Update(step: 0);

        // Then the warm-up decay of 1/10, well below the configured 0.9, moved it nine tenths of the way
        Assert.Equal(new[] { 9f }, Averaged(weight, average), Close);
    }

    [Fact]
    public void SwappedIn_RestoresTheRawWeightsOnce_EvenIfDisposedTwice()
    {
        // Given an average of 2 over a raw weight of 3
        var weight = new Parameter(tensor(new[] { 1f }));
        using var average = new WeightAverage([weight], decay: 0.5);
        Set(weight, 3f);
        average.Update(step: 1000);

        // When the average is swapped in, then its scope disposed twice
        var scope = average.SwappedIn();
        Assert.Equal(new[] { 2f }, Values(weight), Close);
        scope.Dispose();
        scope.Dispose();

        // Then the raw weight is back, not swapped twice
        Assert.Equal(new[] { 3f }, Values(weight), Close);
    }

    private static readonly IEqualityComparer<float> Close = EqualityComparer<float>.Create((a, b) => Math.Abs(a - b) < 1e-5f, value => 0);

    private static float[] Averaged(Parameter weight, WeightAverage average)
    {
        using var swapped = average.SwappedIn();
        return Values(weight);
    }

    private static float[] Values(Parameter weight) => weight.data<float>().ToArray();

    private static void Set(Parameter weight, params float[] values)
    {
        using var noGrad = no_grad();
        weight.copy_(tensor(values));
    }
}
