using static TorchSharp.torch;

namespace LstmTerminal.Torch.Tests;

public sealed class TorchSharpLoadTests
{
    [Fact]
    public void NativeLibrary_LoadsAndComputes()
    {
        // Given the GLIBCXX-patched libLibTorchSharp.so in the test output
        // When a tensor operation runs
        using var sum = ones(3, 4).sum();

        // Then libtorch answered
        Assert.Equal(12f, sum.item<float>());
    }
}
