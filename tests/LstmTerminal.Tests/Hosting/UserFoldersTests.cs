using LstmTerminal.Hosting;

namespace LstmTerminal.Tests.Hosting;

/// <summary>The XDG base directories: a variable that is set and absolute wins; unset, empty or relative falls back to the home folder.</summary>
public sealed class UserFoldersTests
{
    private static readonly string Home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    [SkippableFact]
    public void Resolve_UsesTheVariable_When_ItIsAnAbsolutePath()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the XDG variables apply on Linux");

        var folder = UserFolders.Resolve("XDG_DATA_HOME", ".local/share", Variables(("XDG_DATA_HOME", "/srv/data")));

        Assert.Equal("/srv/data/lstm-terminal", folder);
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("")]
    public void Resolve_FallsBackToTheHomeFolder_When_TheVariableIsUnsetOrEmpty(string? value)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the XDG variables apply on Linux");

        var folder = UserFolders.Resolve("XDG_DATA_HOME", ".local/share", Variables(("XDG_DATA_HOME", value)));

        Assert.Equal(Path.Combine(Home, ".local/share", "lstm-terminal"), folder);
    }

    [SkippableTheory]
    [InlineData("data")]
    [InlineData("./data")]
    [InlineData("~/data")]
    public void Resolve_IgnoresTheVariable_When_ItIsRelative(string value)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the XDG variables apply on Linux");

        var folder = UserFolders.Resolve("XDG_STATE_HOME", ".local/state", Variables(("XDG_STATE_HOME", value)));

        Assert.Equal(Path.Combine(Home, ".local/state", "lstm-terminal"), folder);
    }

    [SkippableFact]
    public void Resolve_ReadsOnlyItsOwnVariable()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the XDG variables apply on Linux");

        var folder = UserFolders.Resolve("XDG_CACHE_HOME", ".cache", Variables(("XDG_DATA_HOME", "/srv/data")));

        Assert.Equal(Path.Combine(Home, ".cache", "lstm-terminal"), folder);
    }

    [SkippableFact]
    public void Resolve_KeepsTheHomeFolder_When_ItDoesNotExist()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the XDG variables apply on Linux");

        // Given a home that does not exist (a service account's /nonexistent) and no XDG variable
        var environment = Variables(("HOME", "/nonexistent"));

        // When the plugin folder is resolved
        var folder = UserFolders.Resolve("XDG_DATA_HOME", ".local/share", environment);

        // Then it lies below that home, never in the shared temp folder where anyone could plant a plugin
        Assert.Equal("/nonexistent/.local/share/lstm-terminal", folder);
    }

    private static Func<string, string?> Variables(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
