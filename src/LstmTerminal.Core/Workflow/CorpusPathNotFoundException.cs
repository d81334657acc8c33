namespace LstmTerminal.Core.Workflow;

/// <summary>The corpus path names neither a file nor a folder; no plugin was asked to load it.</summary>
public sealed class CorpusPathNotFoundException(string path) : Exception($"The corpus path {path} does not exist.")
{
    public string Path { get; } = path;
}
