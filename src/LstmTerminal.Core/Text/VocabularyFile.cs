using System.Text.Json;

namespace LstmTerminal.Core.Text;

/// <summary>Reads and writes <c>vocab.json</c>: a fixed record, parsed with size limits, never type-driven.</summary>
public static class VocabularyFile
{
    private const int FormatVersion = 1;
    private const long MaxBytes = 256L * 1024 * 1024;

    private sealed record Document(int FormatVersion, List<string> Words);

    public static void Write(Vocabulary vocabulary, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, new Document(FormatVersion, vocabulary.KnownWords.ToList()), JsonDefaults.Options);
    }

    public static Vocabulary Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InvalidDataException($"{path} is missing.");
        }

        if (info.Length > MaxBytes)
        {
            throw new InvalidDataException($"{path} is {info.Length} bytes, more than a vocabulary file can be.");
        }

        Document? document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize<Document>(stream, JsonDefaults.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid vocabulary file: {e.Message}", e);
        }

        if (document is null || document.Words is null)
        {
            throw new InvalidDataException($"{path} holds no word list.");
        }

        if (document.Words.IndexOf(null!) is var missing and >= 0)
        {
            throw new InvalidDataException($"{path} has null at position {missing} of its word list, where a word should be.");
        }

        if (document.FormatVersion != FormatVersion)
        {
            throw new InvalidDataException($"{path} has format version {document.FormatVersion}; this build reads version {FormatVersion}.");
        }

        try
        {
            return new Vocabulary(document.Words);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
