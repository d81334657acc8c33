namespace LstmTerminal.Core.Plugins;

/// <summary>A <see cref="FallbackSampler"/> gave up on <paramref name="Failed"/> and uses <paramref name="Replacement"/> from now on.</summary>
/// <param name="Reason">What the failed sampler did; it names the sampler.</param>
public sealed record SamplerSwitch(string Failed, string Replacement, string Reason)
{
    /// <summary>One line for the user: the failure and the switch.</summary>
    public string Message => $"{Sentence.Close(Reason)} Switched to '{Replacement}'.";
}
