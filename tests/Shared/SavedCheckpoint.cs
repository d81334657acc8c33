using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace LstmTerminal.Testing;

/// <summary>
/// Reaches into a saved checkpoint the way a damaged disk or a hand edit would: its manifest as JSON, the files of its
/// current save, and a consistent re-listing of their sizes and hashes (to reach the readers behind the integrity check).
/// </summary>
internal static class SavedCheckpoint
{
    public static string ManifestPath(string checkpoint) => Path.Combine(checkpoint, "checkpoint.json");

    /// <summary>The file of the current save: in its data folder (format 2) or beside the manifest (format 1).</summary>
    public static string File(string checkpoint, string name) => Path.Combine(DataFolder(checkpoint), name);

    public static string DataFolder(string checkpoint) =>
        Manifest(checkpoint)["data"]?["folder"]?.GetValue<string>() is { } folder ? Path.Combine(checkpoint, folder) : checkpoint;

    public static JsonObject Manifest(string checkpoint) => JsonNode.Parse(System.IO.File.ReadAllText(ManifestPath(checkpoint)))!.AsObject();

    public static void EditManifest(string checkpoint, Action<JsonObject> edit)
    {
        var manifest = Manifest(checkpoint);
        edit(manifest);
        System.IO.File.WriteAllText(ManifestPath(checkpoint), manifest.ToJsonString());
    }

    /// <summary>Sets "a.b" in the manifest to <paramref name="value"/>.</summary>
    public static void Set(JsonObject manifest, string property, JsonNode? value)
    {
        var parts = property.Split('.');
        var target = manifest;
        foreach (var part in parts[..^1])
        {
            target = target[part]!.AsObject();
        }

        target[parts[^1]] = value;
    }

    /// <summary>Records the current sizes and hashes of the save's files in its manifest, as if the save had written them so.</summary>
    public static void Reseal(string checkpoint) => EditManifest(checkpoint, manifest =>
    {
        foreach (var entry in manifest["data"]!["files"]!.AsArray())
        {
            var bytes = System.IO.File.ReadAllBytes(File(checkpoint, entry!["name"]!.GetValue<string>()));
            entry["bytes"] = bytes.Length;
            entry["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }
    });

    /// <summary>
    /// Puts a FIFO (<paramref name="kind"/> "fifo") or a link to /dev/zero ("device") in place of one of the checkpoint's
    /// files (its manifest, or a file of its current save): what a reader must refuse rather than block on or read forever.
    /// </summary>
    public static void ReplaceWithSpecialFile(string checkpoint, string name, string kind)
    {
        var path = name == "checkpoint.json" ? ManifestPath(checkpoint) : File(checkpoint, name);
        System.IO.File.Delete(path);
        if (kind == "fifo")
        {
            Assert.True(HostCommand.TryRun("mkfifo", path), "mkfifo failed");
        }
        else
        {
            System.IO.File.CreateSymbolicLink(path, "/dev/zero");
        }
    }

    /// <summary>The names directly in the folder, sorted.</summary>
    public static string[] Entries(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
}
