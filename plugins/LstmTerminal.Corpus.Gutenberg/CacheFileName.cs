using System.Security.Cryptography;
using System.Text;

namespace LstmTerminal.Corpus.Gutenberg;

/// <summary>
/// Names the cache file after the URL. The hash keeps different URLs apart and the name inside the cache folder
/// whatever the URL holds; the sanitised last segment only makes the file recognisable.
/// </summary>
internal static class CacheFileName
{
    private const int MaxReadableLength = 40;

    public static string For(Uri url)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)))[..16];
        var readable = new string(Path.GetFileNameWithoutExtension(url.AbsolutePath)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            .Take(MaxReadableLength)
            .ToArray());
        return readable.Length == 0 ? $"{hash}.txt" : $"{readable}-{hash}.txt";
    }
}
