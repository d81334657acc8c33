namespace LstmTerminal.Testing;

/// <summary>
/// Tests that read the whole process's working set run alone: any other test allocating native memory at the same
/// time would count as their growth.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryCollection
{
    public const string Name = "process memory";
}
