using System.Text.RegularExpressions;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Text;
using LstmTerminal.Core.Workflow;
using LstmTerminal.Interactive;
using LstmTerminal.Wording;
using Microsoft.Extensions.Options;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch;

namespace LstmTerminal.Commands;

/// <summary>Recognises failures the user can fix (bad setting, prime, corpus, plugin name or checkpoint).</summary>
public static class UserError
{
    public static bool Is(Exception exception) => exception is OptionsValidationException or PrimeException
        or CorpusUnavailableException or PluginNotFoundException or InsufficientDataException or CheckpointException
        or UsageException or SamplerException or CorpusPluginFaultException or ModelScoresException or TrainingMemoryException
        or CorpusPathNotFoundException or CorpusFallbackFailedException or TokenizerException;

    /// <summary>One line, whatever the exception carried.</summary>
    public static string OneLine(Exception exception) => TorchErrors.Summary(exception switch
    {
        OptionsValidationException options => string.Join(" ", options.Failures.Select(OwnMessage)),
        CheckpointException checkpoint => CheckpointText.Describe(checkpoint),
        CorpusPathNotFoundException or CorpusPluginFaultException or CorpusFallbackFailedException => CorpusWording.Problem(exception),
        _ => CompletionText.Explain(exception),
    });

    /// <summary>Our validation messages already name the key and range; drop the framework's wrapper around them.</summary>
    private static string OwnMessage(string failure)
    {
        var match = Regex.Match(failure, "with the error: '(?<message>.*)'\\.?$");
        return match.Success ? match.Groups["message"].Value : failure;
    }
}

/// <summary>A command-line value that is valid in form but not in meaning.</summary>
public sealed class UsageException(string message) : Exception(message);
