using System.Collections.ObjectModel;
using LstmTerminal.Abstractions;

namespace LstmTerminal.Core.Generation;

/// <summary>
/// Asks a sampler for the next id and holds the answer to the <see cref="ISampler"/> contract: the one place that
/// decides what a failed call or a bad id is, for the generator and for <see cref="Plugins.FallbackSampler"/> alike.
/// The sampler gets a context of its own, so whatever it does to the sets and lists in it (a cast and a Clear,
/// reflection) reaches neither the caller's context, which the answer is checked against, nor any later call.
/// </summary>
internal static class SamplerContract
{
    /// <exception cref="SamplerException">The sampler threw, or returned an id out of range or forbidden; the message names it.</exception>
    public static int Next(ISampler sampler, ReadOnlySpan<float> logits, SamplingContext context)
    {
        int id;
        try
        {
            id = sampler.Next(logits, OwnCopy(context));
        }
        catch (OutOfMemoryException e)
        {
            throw new SamplerException($"The sampler '{sampler.Name}' ran out of memory: {e.Message}", e);
        }
        catch (Exception e) when (e is not (OperationCanceledException or SamplerException))
        {
            // A SamplerException (e.g. the guard's deadline) already names the sampler; wrapping it would say so twice.
            throw new SamplerException($"The sampler '{sampler.Name}' failed: {e.Message}", e);
        }

        var forbidden = context.ForbiddenTokens;
        if (id < 0 || id >= logits.Length || forbidden.Contains(id))
        {
            throw new SamplerException($"The sampler '{sampler.Name}' returned id {id}, which is {(forbidden.Contains(id) ? "forbidden" : $"outside 0..{logits.Length - 1}")}.");
        }

        return id;
    }

    private static SamplingContext OwnCopy(SamplingContext context) =>
        new(context.Random, new ReadOnlySet<int>(new HashSet<int>(context.ForbiddenTokens)))
        {
            Temperature = context.Temperature,
            TopK = context.TopK,
            TopP = context.TopP,
            TokensSoFar = Array.AsReadOnly(context.TokensSoFar.ToArray()),
        };
}
