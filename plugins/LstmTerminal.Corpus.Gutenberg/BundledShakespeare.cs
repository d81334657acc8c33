using System.IO.Compression;
using System.Text;

namespace LstmTerminal.Corpus.Gutenberg;

/// <summary>
/// The public-domain Shakespeare excerpt known as tinyshakespeare (1.1 MB, about 200,000 words), gzipped into this
/// assembly so a first start without network still trains. Made with <c>gzip -9 -n &lt; tinyshakespeare.txt</c>.
/// </summary>
internal static class BundledShakespeare
{
    /// <summary>Recorded in checkpoints as the corpus; a resume or evaluation that names it gets this text again.</summary>
    public const string Source = "bundled tinyshakespeare.txt (offline copy in the gutenberg-shakespeare plugin)";

    public const string Title = "Shakespeare (offline, bundled)";

    private const string ResourceName = "LstmTerminal.Corpus.Gutenberg.tinyshakespeare.txt.gz";

    public static async Task<Abstractions.Corpus> LoadAsync(string notice, CancellationToken cancellationToken)
    {
        await using var compressed = typeof(BundledShakespeare).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the plugin; rebuild it.");
        await using var text = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(text, Encoding.UTF8);
        return new Abstractions.Corpus(Title, await reader.ReadToEndAsync(cancellationToken), Source, [notice]);
    }
}
