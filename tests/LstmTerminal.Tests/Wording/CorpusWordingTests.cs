using LstmTerminal.Abstractions;
using LstmTerminal.Core.Workflow;
using LstmTerminal.Wording;

namespace LstmTerminal.Tests.Wording;

/// <summary>The engine says what went wrong with a corpus; the app adds the option or setting that fixes it.</summary>
public sealed class CorpusWordingTests
{
    private static readonly CorpusPluginFaultException Slow =
        new("stuck", CorpusFault.TimedOut, "The corpus plugin 'stuck' did not finish within 00:00:30.");

    private static readonly CorpusPluginFaultException Broken =
        new("broken", CorpusFault.Threw, "The corpus plugin 'broken' failed: bad bytes");

    [Fact]
    public void Problem_SaysToRaiseTheTimeoutOrUseATextFile_WhenThePluginTimedOut()
    {
        // Given a plugin that missed its deadline
        // When the app words it
        var words = CorpusWording.Problem(Slow);

        // Then the user reads the fault and both ways out
        Assert.Equal(
            "The corpus plugin 'stuck' did not finish within 00:00:30. Raise Corpus:LoadTimeout or use --corpus text-file --corpus-path FILE.", words);
    }

    [Fact]
    public void Problem_NamesTheOptionThatSetsThePath_WhenThePathDoesNotExist()
    {
        var words = CorpusWording.Problem(new CorpusPathNotFoundException("/data/missing.txt"));

        Assert.Equal("The corpus path /data/missing.txt does not exist. Check --corpus-path (or Corpus:Path); it must name an existing file or folder.", words);
    }

    [Fact]
    public void Problem_IsTheMessageItself_WhenThePluginSaysTheCorpusIsUnavailable()
    {
        // A plugin's own message already says what to do (the contract asks it to)
        Assert.Equal("No network.", CorpusWording.Problem(new CorpusUnavailableException("No network.")));
        Assert.Equal(Broken.Message, CorpusWording.Problem(Broken));
    }

    [Fact]
    public void Fallback_SaysWhatBrokeAndWhatStandsIn_WithTheFaultsAdvice()
    {
        // Given a timed-out plugin replaced by text-file
        // When the switch is worded
        var words = CorpusWording.Fallback(new CorpusFallback(Slow, "text-file"));

        // Then the advice about the timeout stays, and the stand-in is named
        Assert.Equal(
            "The corpus plugin 'stuck' did not finish within 00:00:30. Raise Corpus:LoadTimeout or use --corpus text-file --corpus-path FILE. Switched to the 'text-file' corpus.",
            words);
    }

    [Fact]
    public void Problem_NamesBothProvidersInTheirOwnWords_WhenTheFallbackFailsToo()
    {
        // Given a timed-out plugin whose stand-in could not find its file
        var both = new CorpusFallbackFailedException(new CorpusFallback(Slow, "text-file"), new CorpusPathNotFoundException("/data/missing.txt"));

        // When the failure is worded
        var words = CorpusWording.Problem(both);

        // Then each part reads as it would alone
        Assert.Equal(
            "The corpus plugin 'stuck' did not finish within 00:00:30. Raise Corpus:LoadTimeout or use --corpus text-file --corpus-path FILE. " +
            "The fallback corpus 'text-file' failed too: The corpus path /data/missing.txt does not exist. Check --corpus-path (or Corpus:Path); it must name an existing file or folder.",
            words);
    }

    [Theory]
    [InlineData("words", "202,651 words", "2,826 words")]
    [InlineData("characters", "202,651 tokens", "2,826 tokens (characters)")]
    public void TokensAndVocabulary_CountWordsOnlyAtTheWordLevel_AndNameAnyOtherLevel(string tokenizer, string tokens, string vocabulary)
    {
        Assert.Equal(tokens, CorpusWording.Tokens(202_651, tokenizer));
        Assert.Equal(vocabulary, CorpusWording.Vocabulary(2_826, tokenizer));
    }
}
