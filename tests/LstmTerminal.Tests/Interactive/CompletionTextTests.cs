using LstmTerminal.Core.Generation;
using LstmTerminal.Interactive;

namespace LstmTerminal.Tests.Interactive;

/// <summary>The app words Core's reasons: the advice and the setting names are its own, the facts Core's.</summary>
public sealed class CompletionTextTests
{
    [Theory]
    [InlineData(PrimeProblem.NoWords, "Type a few words, e.g. \"thou art more\".")]
    [InlineData(PrimeProblem.TooManyWords, "Use its last few sentences instead.")]
    [InlineData(PrimeProblem.NoKnownWord, "Use everyday words of the corpus, e.g. \"thou art more\".")]
    public void Explain_AddsTheAdviceForEachPrimeProblem(PrimeProblem problem, string advice)
    {
        var explained = CompletionText.Explain(new PrimeException(problem, "What Core saw."));

        Assert.Equal($"What Core saw. {advice}", explained);
    }

    [Fact]
    public void Explain_NamesTheSettingToLower_WhenTheModelsScoresAreNotNumbers()
    {
        var exception = new ModelScoresException();

        var explained = CompletionText.Explain(exception);

        Assert.Equal($"{exception.Message} Train it again, from scratch or with a lower Training:LearningRate.", explained);
    }

    [Fact]
    public void Explain_PassesOtherMessagesOn_Unchanged()
    {
        Assert.Equal("The sampler 'x' failed: boom.", CompletionText.Explain(new SamplerException("The sampler 'x' failed: boom.")));
    }
}
