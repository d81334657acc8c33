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
        // Given libtorch's error for an impossible view
        var error = Assert.ThrowsAny<ExternalException>(() => zeros(2, 3).view(7));

        // When it is summarised
        var summary = TorchErrors.Summary(error);

        // Then one short line says what went wrong, without the native stack
        Assert.Contains("shape '[7]' is invalid for input of size 6", summary);
        Assert.DoesNotContain('\n', summary);
        Assert.DoesNotContain("frame #", summary);
        Assert.True(summary.Length < 300, summary);
    }

    [Fact]
    public void IsOutOfMemory_RecognisesAnAllocationLibtorchCannotMake()
    {
        // Given an allocation of 2^50 floats (4 PiB), which the allocator refuses at once
        var error = Assert.ThrowsAny<Exception>(() => empty(1L << 50));

        // Then that is out of memory, and a shape error is not
        Assert.True(TorchErrors.IsOutOfMemory(error), error.Message);
        Assert.False(TorchErrors.IsOutOfMemory(Assert.ThrowsAny<ExternalException>(() => zeros(2, 3).view(7))));
    }
}
