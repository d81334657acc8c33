using System.Runtime.InteropServices;
using System.Text;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// The primitives of TorchSharp's <c>Module.save</c> format: unsigned LEB128 numbers, <c>BinaryWriter</c> strings
/// (a 7-bit length, then UTF-8) and raw tensor data in the machine's byte order. Throws
/// <see cref="InvalidDataException"/> on anything out of range and <see cref="EndOfStreamException"/> on a short file.
/// </summary>
internal sealed class SavedTensorReader(Stream stream)
{
    /// <summary>Tensor names are module paths such as <c>_lstm.weight_ih_l0</c>; anything longer is garbage.</summary>
    private const int MaxNameBytes = 1024;

    /// <summary>Nine 7-bit groups hold any non-negative long; a tenth means the bytes are not a number.</summary>
    private const int MaxNumberBytes = 9;

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

    /// <summary>Checks the length before allocating, so a garbled size in a short file cannot ask for gigabytes.</summary>
    public float[] ReadFloats(long count)
    {
        if (count * sizeof(float) > stream.Length - stream.Position)
        {
            throw new EndOfStreamException();
        }

        var values = new float[count];
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public bool AtEnd => stream.Position == stream.Length;

    private int ReadByte()
    {
        var next = stream.ReadByte();
        return next >= 0 ? next : throw new EndOfStreamException();
    }
}
