using LstmTerminal.Core;
using LstmTerminal.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LstmTerminal.Commands;

/// <summary>A verb's two output streams: results on <see cref="Output"/>, progress and messages on <see cref="Error"/>.</summary>
public sealed record VerbConsole(TextWriter Output, TextWriter Error)
{
    /// <summary>Something went wrong and the verb carried on (e.g. a plugin was replaced): one line on stderr.</summary>
    public void Warn(string message) => Error.WriteLine($"warning: {message}");
}

/// <summary>
/// Runs a verb body inside a host built with the verb's overrides, and turns failures into exit codes:
/// a one-line message and 2 for anything the user can fix, 1 (details in the log, when there is one) for the rest.
/// </summary>
public sealed class VerbRunner(IReadOnlyList<string> settings, TextWriter output, TextWriter error)
{
    /// <summary>Refuses a command line that parsed but makes no sense, the same way as any other usage error.</summary>
    public Task<int> Fail(string message)
    {
        error.WriteLine($"error: {message}");
        return Task.FromResult(ExitCodes.UsageError);
    }

    /// <summary>
    /// Builds the host, creates <typeparamref name="TVerb"/> from its services (its constructor names what it needs, plus a
    /// <see cref="VerbConsole"/>) and runs it. Every setting is validated first, those the verb does not take too: a bad
    /// one is a usage error before any work.
    /// </summary>
    /// <param name="refused">Shown the one-line usage error when the verb cannot be created, before it is printed.</param>
    /// <param name="pluginKinds">The only plugin kinds the verb uses, so others are never loaded; null for every kind.</param>
    public async Task<int> RunAsync<TVerb>(
        IReadOnlyDictionary<string, string?> overrides,
        Func<TVerb, CancellationToken, Task<int>> run,
        CancellationToken cancellationToken,
        Action<string>? refused = null,
        IReadOnlySet<string>? pluginKinds = null)
        where TVerb : class
    {
        IHost? host = null;
        try
        {
            host = AppHost.Build(settings, overrides, pluginKinds);
            using var captured = ConsoleCapture.LogTo(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Console"));
            var console = new VerbConsole(output, error);
            if (host.Services.GetRequiredService<LogFolder>().Problem is { } noLog)
            {
                console.Warn(noLog);
            }

            return await run(Create<TVerb>(host.Services, console, refused), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (UserError.Is(e))
        {
            error.WriteLine($"error: {UserError.OneLine(e)}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            var logger = host?.Services.GetService<ILoggerFactory>()?.CreateLogger("lstm-terminal");
            logger?.LogError(e, "Unexpected failure");
            error.WriteLine($"error: unexpected failure: {UserError.OneLine(e)}{LogPointer.Details(logger)}");
            return ExitCodes.Failure;
        }
        finally
        {
            host?.Dispose();
        }
    }

    private static TVerb Create<TVerb>(IServiceProvider services, VerbConsole console, Action<string>? refused)
        where TVerb : class
    {
        try
        {
            AppHost.ValidateOnStart(services);
            return ActivatorUtilities.CreateInstance<TVerb>(services, console);
        }
        catch (Exception e) when (refused is not null && UserError.Is(e))
        {
            refused(UserError.OneLine(e));
            throw;
        }
    }
}
