namespace LstmTerminal.Samplers;

/// <summary>
/// Scratch a sampler reuses from call to call, so a draw allocates nothing. The host uses an instance from one
/// generation at a time (see <c>ISampler</c>), and nothing here outlives a call, so one set per instance suffices.
/// </summary>
internal sealed class DrawBuffers
{
    private double[] _weights = [];
    private ulong[] _keys = [];

    public Span<double> Weights(int length) => Fit(ref _weights, length);

    public Span<ulong> Keys(int length) => Fit(ref _keys, length);

    private static Span<T> Fit<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[length];
        }

        return buffer.AsSpan(0, length);
    }
}
