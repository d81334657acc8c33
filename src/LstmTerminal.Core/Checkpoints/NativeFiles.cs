using System.Runtime.InteropServices;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// The two file-system questions .NET cannot answer: is a path a regular file or a FIFO, device or socket (each passes
/// <see cref="File.Exists"/>, and opening a FIFO blocks until a writer comes), and flushing a folder's entries to disk,
/// which a rename needs before it survives a power cut. Linux only; elsewhere the answers fall back to what .NET knows.
/// </summary>
internal static class NativeFiles
{
    private const int CurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int StatxSize = 256;
    private const int FileTypeMask = 0xF000;
    private const int RegularFileType = 0x8000;
    private const int DirectoryType = 0x4000;
    private const int NoFileType = 0;
    private const int ReadOnlyCloseOnExec = 0x80000;

    /// <summary>True for a regular file, following symbolic links; false for a folder, FIFO, device, socket or nothing.</summary>
    public static bool IsRegularFile(string path) =>
        FileType(path) is { } type ? type == RegularFileType : File.Exists(path);

    /// <summary>True for a FIFO, device or socket, following symbolic links; false for a regular file, a folder or nothing.</summary>
    public static bool IsSpecialFile(string path) =>
        FileType(path) is { } type && type is not (RegularFileType or DirectoryType or NoFileType);

    /// <summary>The file type bits of the path's mode, <see cref="NoFileType"/> when there is nothing; null where statx is unavailable.</summary>
    private static int? FileType(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        try
        {
            if (Statx(CurrentDirectory, path, 0, StatxType, buffer) != 0)
            {
                return NoFileType;
            }
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without statx (glibc before 2.28): only the coarse answer is available.
            return null;
        }

        return BitConverter.ToUInt16(buffer, StatxModeOffset) & FileTypeMask;
    }

    /// <summary>fsync of a file or a folder, so its data or its entries (a rename) reach the disk.</summary>
    /// <exception cref="IOException">The system could not flush it.</exception>
    public static void FlushToDisk(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var descriptor = Open(path, ReadOnlyCloseOnExec);
        if (descriptor < 0)
        {
            throw new IOException($"Could not open {path} to flush it to disk (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"Could not flush {path} to disk (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    // DllImport rather than LibraryImport: the generated form needs unsafe code for these calls.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
}
