using System.Runtime.InteropServices;
using System.Text;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// The primitives of TorchSharp's <c>Module.save</c> format: unsigned LEB128 numbers, <c>BinaryWriter</c> strings
/// (a 7-bit length, then UTF-8) and raw tensor data in the machine's byte order. Throws
/// <see cref="InvalidDataException"/> on anything out of range and <see cref="EndOfStreamException"/> on a short file.
/// </summary>
public sealed class SavedTensorReader(Stream stream)
{
    /// <summary>Tensor names are module paths such as <c>_lstm.weight_ih_l0</c>; anything longer is garbage.</summary>
    private const int MaxNameBytes = 1024;

    /// <summary>TorchSharp's <c>ScalarType.Float32</c>.</summary>
    private const long Float32 = 6;

    /// <summary>Nine 7-bit groups hold any non-negative long; a tenth means the bytes are not a number.</summary>
    private const int MaxNumberBytes = 9;

    /// <summary>Reads a whole file with <paramref name="body"/>, which must consume it exactly.</summary>
    /// <exception cref="InvalidDataException">The file ends early or goes on after the last tensor.</exception>
    public static T ReadFile<T>(string path, Func<SavedTensorReader, T> body)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
        var reader = new SavedTensorReader(stream);
        T result;
        try
        {
            result = body(reader);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"it ends early, after {stream.Position} bytes (a truncated file)");
        }

        return reader.AtEnd ? result : throw new InvalidDataException($"{stream.Length - stream.Position} bytes follow the last tensor");
    }

    public long ReadNumber()
    {
        long value = 0;
        for (var group = 0; group < MaxNumberBytes; group++)
        {
            var next = ReadByte();
            value |= (long)(next & 0x7f) << (7 * group);
            if ((next & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException($"a length at byte {stream.Position} does not end within {MaxNumberBytes} bytes");
    }

    public string ReadName()
    {
        var length = ReadNumber();
        if (length > MaxNameBytes)
        {
            throw new InvalidDataException($"a tensor name at byte {stream.Position} claims {length} bytes");
        }

        Span<byte> bytes = stackalloc byte[(int)length];
        stream.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads a tensor's element type, rank and sizes, which must be float32 and <paramref name="sizes"/>; returns its element count.</summary>
    public long ReadFloatHeader(string name, long[] sizes)
    {
        var type = ReadNumber();
        if (type != Float32)
        {
            throw new InvalidDataException($"the tensor '{name}' has element type {type}, not float32 ({Float32})");
        }

        var rank = ReadNumber();
        if (rank != sizes.Length)
        {
            throw new InvalidDataException($"the tensor '{name}' has {rank} dimensions where the model has {sizes.Length}");
        }

        var actual = new long[rank];
        for (var i = 0; i < rank; i++)
        {
            actual[i] = ReadNumber();
        }

        if (!actual.AsSpan().SequenceEqual(sizes))
        {
            throw new InvalidDataException($"the tensor '{name}' is [{string.Join(", ", actual)}] where the model has [{string.Join(", ", sizes)}]");
        }

        // The sizes are the checkpoint's own, checked against sane limits, so the product cannot overflow.
        return sizes.Aggregate(1L, (product, size) => product * size);
    }

    /// <summary>Checks the length before allocating, so a garbled size in a short file cannot ask for gigabytes.</summary>
    public float[] ReadFloats(long count)
    {
        RequireFloats(count);
        var values = new float[count];
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>Steps over <paramref name="count"/> floats, checking that the file holds them.</summary>
    public void SkipFloats(long count)
    {
        RequireFloats(count);
        stream.Seek(count * sizeof(float), SeekOrigin.Current);
    }

    public bool AtEnd => stream.Position == stream.Length;

    /// <summary>Divides rather than multiplies: a count near 2^62 would wrap to a small byte length.</summary>
    private void RequireFloats(long count)
    {
        if (count < 0 || count > (stream.Length - stream.Position) / sizeof(float))
        {
            throw new EndOfStreamException();
        }
    }

    private int ReadByte()
    {
        var next = stream.ReadByte();
        return next >= 0 ? next : throw new EndOfStreamException();
    }
}
