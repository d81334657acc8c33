using LstmTerminal.Core.Game;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Writing;
using Microsoft.Extensions.Logging;

namespace LstmTerminal.Interactive;

/// <summary>The console as the terminal UI starts it: its game, its manuscript from beside the checkpoint, and the <c>Console</c> settings.</summary>
public static class ConsoleStartup
{
    public static CompletionConsole Create<TModels>(
        TModels models,
        PluginCatalog catalog,
        ConsoleTranscript transcript,
        SamplingSettings sampling,
        ConsoleOptions options,
        string checkpointDirectory,
        ILogger log)
        where TModels : IGeneratorSource, IGameTextSource
    {
        var console = new CompletionConsole(models, catalog, transcript, sampling, log)
        {
            Game = new GameConsole(models, models, new BestScoreFile(checkpointDirectory), transcript, log),
            Manuscript = OpenManuscript(checkpointDirectory, options.ContextWords, transcript, log),
        };
        console.Suggestions.Enabled = options.Suggest;
        return console;
    }

    /// <summary>The manuscript kept beside the checkpoint; null, with a line in the console, when it cannot be read.</summary>
    private static ManuscriptConsole? OpenManuscript(string checkpointDirectory, int contextWords, ConsoleTranscript transcript, ILogger log)
    {
        try
        {
            var manuscript = Manuscript.Open(checkpointDirectory);
            if (manuscript.Additions.Count > 0)
            {
                transcript.AddNotice($"Manuscript of {manuscript.Additions.Count} parts restored from {manuscript.KeptAt}; completions continue it.");
            }

            return new ManuscriptConsole(manuscript, contextWords, transcript, log);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            transcript.AddError($"The manuscript in {checkpointDirectory} cannot be read ({e.Message}); co-writing is off until it can.");
            return null;
        }
    }
}
