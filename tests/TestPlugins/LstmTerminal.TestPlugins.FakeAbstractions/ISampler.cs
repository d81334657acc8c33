namespace LstmTerminal.Abstractions;

public interface ISampler
{
    string Name { get; }

    string Description { get; }

    int Next(ReadOnlySpan<float> logits);
}
