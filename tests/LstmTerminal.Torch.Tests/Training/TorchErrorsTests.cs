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
    public void Excerpt_CutsTheLine_When_TheMessageQuotesKilobytesOfADamagedFile()
    {
        // Given TorchSharp's words for an optimiser file of random bytes: it quotes the "type name" it read
        var garbage = new string('\u00e9', 5000);
        var error = new InvalidDataException($"Mismatched optimizer type: expected 'Adam', but found '{garbage}' in the loaded stream.");

        // When it is quoted in a checkpoint's error
        var excerpt = TorchErrors.Excerpt(error);

        // Then the user gets the start of it on one short line, marked as cut; the full summary stays whole
        Assert.StartsWith("Mismatched optimizer type: expected 'Adam', but found '", excerpt);
        Assert.EndsWith("…", excerpt);
        Assert.True(excerpt.Length <= 240, $"{excerpt.Length} characters");
        Assert.Equal(error.Message, TorchErrors.Summary(error));
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
