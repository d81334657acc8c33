using System.Text.Json;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Core.Text;

/// <summary>Learning and loading through an untrusted tokenizer plugin: what it returns comes back guarded, what it throws as one line.</summary>
public static class TokenizerCalls
{
    /// <summary>Learns through the loaded tokenizer of that name.</summary>
    /// <exception cref="PluginNotFoundException">No tokenizer has that name; the message lists those that do.</exception>
    /// <exception cref="TokenizerException">As the other overload.</exception>
    public static Task<GuardedVocabulary> LearnAsync(
        PluginCatalog plugins, string name, string text, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken)
    {
        var tokenizer = plugins.GetTokenizer(name);
        return LearnAsync(tokenizer.Plugin, tokenizer.Name, text, progress, cancellationToken);
    }

    /// <exception cref="TokenizerException">The plugin threw (a bad setting of its own included) or returned nothing usable.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<GuardedVocabulary> LearnAsync(
        ITokenizer tokenizer, string name, string text, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken)
    {
        ITokenVocabulary? learned;
        try
        {
            learned = await tokenizer.LearnAsync(text, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            throw new TokenizerException(e is ArgumentException
                ? $"The tokenizer '{name}' refused its settings: {e.Message}"
                : $"The tokenizer '{name}' failed to learn a vocabulary: {e.Message}", e);
        }

        var vocabulary = new GuardedVocabulary(name, learned ?? throw new TokenizerException($"The tokenizer '{name}' learned no vocabulary (null)."));
        CheckReadsBack(tokenizer, vocabulary);
        return vocabulary;
    }

    /// <summary>
    /// Before any training: the state the vocabulary saves must load back to as many ids, or every checkpoint of the run
    /// would be written and then refused (hours of training lost).
    /// </summary>
    private static void CheckReadsBack(ITokenizer tokenizer, GuardedVocabulary vocabulary)
    {
        var name = vocabulary.TokenizerName;
        int count;
        try
        {
            count = Load(tokenizer, name, vocabulary.Save()).Count;
        }
        catch (InvalidDataException e)
        {
            throw new TokenizerException($"The tokenizer '{name}' cannot read back the state it saves, so no checkpoint of it could be opened: {e.Message}", e);
        }

        if (count != vocabulary.Count)
        {
            throw new TokenizerException($"The tokenizer '{name}' reads back {count} ids from the state it saves of {vocabulary.Count}, so no checkpoint of it could be opened.");
        }
    }

    /// <exception cref="InvalidDataException">The state is damaged, says the plugin, or loading it failed otherwise.</exception>
    /// <exception cref="TokenizerException">The loaded vocabulary is out of bounds.</exception>
    public static GuardedVocabulary Load(ITokenizer tokenizer, string name, string state)
    {
        ITokenVocabulary? loaded;
        try
        {
            loaded = tokenizer.Load(state);
        }
        catch (JsonException e)
        {
            // The serializer's message names .NET types and JSON paths; the line is what a user can look at.
            throw new InvalidDataException($"the tokenizer '{name}' found its saved state is not the JSON it writes (line {(e.LineNumber ?? 0) + 1})", e);
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException($"the tokenizer '{name}' failed to read its saved state: {e.Message}", e);
        }

        return new GuardedVocabulary(name, loaded ?? throw new InvalidDataException($"the tokenizer '{name}' read its saved state as nothing (null)"));
    }
}
