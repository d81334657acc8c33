using LstmTerminal.Abstractions;

namespace LstmTerminal.Core.Tests.Support;

/// <summary>Test double: answers each call with <paramref name="answer"/> of the call's number, counting from 0.</summary>
internal sealed class ScriptedSampler(string name, Func<int, int> answer) : ISampler
{
    private int _calls;

    public string Name => name;

    public string Description => "scripted for tests";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context) => answer(_calls++);
}
