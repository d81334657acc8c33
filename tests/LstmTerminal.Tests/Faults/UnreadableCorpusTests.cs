using System.Runtime.Versioning;
using LstmTerminal.Tests.Commands;
using LstmTerminal.Tests.Support;

namespace LstmTerminal.Tests.Faults;

/// <summary>
/// A corpus the user may not read. Root reads everything, so the app runs as the unprivileged user <c>nobody</c>
/// (through <c>setpriv</c>); elsewhere the test is skipped.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class UnreadableCorpusTests
{
    [SkippableTheory]
    [InlineData("file")]
    [InlineData("folder")]
    public async Task Train_ExplainsAnUnreadableCorpusPath_InOneLine(string kind)
    {
        Skip.IfNot(Environment.UserName == "root" && File.Exists("/usr/bin/setpriv"), "needs root and setpriv to run the app as another user");
        using var workspace = new TinyWorkspace();
        var corpus = Path.Combine(workspace.Root, "secret");
        if (kind == "folder")
        {
            Directory.CreateDirectory(corpus);
            File.WriteAllText(Path.Combine(corpus, "a.txt"), "thou art more lovely");
        }
        else
        {
            File.WriteAllText(corpus, "thou art more lovely");
        }

        File.SetUnixFileMode(corpus, UnixFileMode.None);
        var writable = Path.Combine(workspace.Root, "writable");
        Directory.CreateDirectory(writable);
        File.SetUnixFileMode(writable, (UnixFileMode)0b111_111_111);

        var (exitCode, _, error) = await AppProcess.RunAsync(
            [
                "train", "--Corpus:Provider=text-file", $"--Corpus:Path={corpus}",
                $"--Training:CheckpointDirectory={Path.Combine(writable, "ckpt")}", $"--Logging:Directory={Path.Combine(writable, "logs")}",
            ],
            [("HOME", "/tmp")],
            workingDirectory: "/tmp",
            launcher: ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"error: Cannot read the corpus at {corpus}: ", error);
        Assert.Contains("--corpus-path", error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(writable, "ckpt")));
    }
}
