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
        var weight = new Parameter(tensor(new[] { 0f, 10f }));
        using var average = new WeightAverage([weight], decay: 0.9);
        Set(weight, 20f, 30f);

        average.Update(step: 1000);

        Assert.Equal(new[] { 2f, 12f }, Averaged(weight, average), Close);
        Assert.Equal(new[] { 20f, 30f }, Values(weight), Close);
    }

    [Fact]
    public void Update_ForgetsTheStartingWeightsQuickly_InTheFirstSteps()
    {
        // At step 0 the warm-up decay is 1/10, well below the configured 0.9.
        var weight = new Parameter(tensor(new[] { 0f }));
        using var average = new WeightAverage([weight], decay: 0.9);
        Set(weight, 10f);

        average.Update(step: 0);

        Assert.Equal(new[] { 9f }, Averaged(weight, average), Close);
    }

    [Fact]
    public void SwappedIn_RestoresTheRawWeightsOnce_EvenIfDisposedTwice()
    {
        var weight = new Parameter(tensor(new[] { 1f }));
        using var average = new WeightAverage([weight], decay: 0.5);
        Set(weight, 3f);
        average.Update(step: 1000);

        var scope = average.SwappedIn();
        Assert.Equal(new[] { 2f }, Values(weight), Close);
        scope.Dispose();
        scope.Dispose();

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
