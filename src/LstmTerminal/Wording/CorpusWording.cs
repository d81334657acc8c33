using System.Globalization;
using LstmTerminal.Core;
using LstmTerminal.Core.Text;
using LstmTerminal.Core.Workflow;

namespace LstmTerminal.Wording;

/// <summary>What a person reads about a corpus that could not be loaded, with the option or setting that fixes it.</summary>
public static class CorpusWording
{
    /// <summary>The exception's message, with what to do when the app knows better than the engine.</summary>
    public static string Problem(Exception exception) => exception switch
    {
        CorpusPathNotFoundException missing => $"{missing.Message} Check --corpus-path (or Corpus:Path); it must name an existing file or folder.",
        CorpusPluginFaultException { Fault: CorpusFault.TimedOut } slow => $"{slow.Message} Raise Corpus:LoadTimeout or use --corpus text-file --corpus-path FILE.",
        CorpusFallbackFailedException both => $"{Sentence.Close(Problem(both.Fallback.Fault))} The fallback corpus '{both.Fallback.Provider}' failed too: {Problem(both.InnerException!)}",
        _ => exception.Message,
    };

    /// <summary>One line for the switch to the fallback provider: the fault, then the switch.</summary>
    public static string Fallback(CorpusFallback fallback) => $"{Sentence.Close(Problem(fallback.Fault))} Switched to the '{fallback.Provider}' corpus.";

    /// <summary>A count of the corpus's tokens: the recipe counts words, another level tokens.</summary>
    public static string Tokens(int count, string tokenizer) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {TokenizerNames.CountUnit(tokenizer)}");

    /// <summary>A vocabulary's size, naming a level other than the recipe's once: "66 tokens (characters)".</summary>
    public static string Vocabulary(int size, string tokenizer) =>
        tokenizer == TokenizerNames.Words ? Tokens(size, tokenizer) : $"{Tokens(size, tokenizer)} ({tokenizer})";
}
