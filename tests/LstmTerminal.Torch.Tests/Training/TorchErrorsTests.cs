using System.Runtime.InteropServices;
using static TorchSharp.torch;
using LstmTerminal.Torch;

namespace LstmTerminal.Torch.Tests.Training;

/// <summary>libtorch's own failures reach the user as one sentence, never as its native stack.</summary>
public sealed class TorchErrorsTests
{
    [Fact]
    public void Summary_DropsTheNativeStack_OfARealLibtorchError()
    {
        var error = Assert.ThrowsAny<ExternalException>(() => zeros(2, 3).view(7));

        var summary = TorchErrors.Summary(error);

        Assert.Contains("shape '[7]' is invalid for input of size 6", summary);
        Assert.DoesNotContain('\n', summary);
        Assert.DoesNotContain("frame #", summary);
        Assert.True(summary.Length < 300, summary);
    }

    [Fact]
    public void IsOutOfMemory_RecognisesAnAllocationLibtorchCannotMake()
    {
        // 2^50 floats are 4 PiB: no machine has them, so the allocator refuses at once.
        var error = Assert.ThrowsAny<Exception>(() => empty(1L << 50));

        Assert.True(TorchErrors.IsOutOfMemory(error), error.Message);
        Assert.False(TorchErrors.IsOutOfMemory(Assert.ThrowsAny<ExternalException>(() => zeros(2, 3).view(7))));
    }
}
