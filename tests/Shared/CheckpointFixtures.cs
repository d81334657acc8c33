namespace LstmTerminal.Testing;

/// <summary>The checkpoints of <c>tests/Fixtures</c> (see its README), as copied beside the test assembly.</summary>
internal static class CheckpointFixtures
{
    public const string Format1 = "checkpoint-v1";
    public const string Format2 = "checkpoint-v2";

    /// <summary>The step both format fixtures were saved at, mid-epoch (Plans.Tiny, seed 5, weight averaging 0.9).</summary>
    public const int SavedStep = 30;

    public static string PathOf(string fixture) => Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);

    /// <summary>Copies a fixture into <paramref name="temp"/>, for a test to damage or train on; returns the copy's folder.</summary>
    public static string Copy(string fixture, TempDirectory temp)
    {
        var source = PathOf(fixture);
        var target = temp.Combine(fixture);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }
}
