using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LstmTerminal.Core.Generation;

/// <summary>
/// <c>result = matrix · vector + addend</c> for a row-major matrix: four rows at a time, so each slice of the vector is
/// loaded once for four fused multiply-adds. Compiled fully optimised on first use: a completion of a few words is
/// over before tiered compilation would have promoted a general-purpose dot product from its slow first tier.
/// </summary>
internal static class MatrixVector
{
    private const int RowsAtOnce = 4;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(ReadOnlySpan<float> matrix, ReadOnlySpan<float> vector, ReadOnlySpan<float> addend, Span<float> result)
    {
        var columns = vector.Length;
        var rows = result.Length;
        if (matrix.Length != rows * columns || addend.Length != rows)
        {
            throw new ArgumentException($"A [{rows}, {columns}] product needs {rows * columns} matrix entries and {rows} addends, not {matrix.Length} and {addend.Length}.");
        }

        // The lengths are checked above, so the loads below stay inside the spans.
        ref var m = ref MemoryMarshal.GetReference(matrix);
        ref var v = ref MemoryMarshal.GetReference(vector);
        var width = Vector<float>.Count;
        var whole = columns - columns % width;
        var stride = (nuint)columns;
        var row = 0;
        for (; row + RowsAtOnce <= rows; row += RowsAtOnce)
        {
            var start = (nuint)row * stride;
            Vector<float> sum0 = default, sum1 = default, sum2 = default, sum3 = default;
            for (var column = 0; column < whole; column += width)
            {
                var at = start + (nuint)column;
                var x = Vector.LoadUnsafe(ref v, (nuint)column);
                sum0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref m, at), x, sum0);
                sum1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref m, at + stride), x, sum1);
                sum2 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref m, at + 2 * stride), x, sum2);
                sum3 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref m, at + 3 * stride), x, sum3);
            }

            result[row] = addend[row] + Vector.Sum(sum0);
            result[row + 1] = addend[row + 1] + Vector.Sum(sum1);
            result[row + 2] = addend[row + 2] + Vector.Sum(sum2);
            result[row + 3] = addend[row + 3] + Vector.Sum(sum3);
        }

        for (; row < rows; row++)
        {
            var start = (nuint)row * stride;
            var sum = Vector<float>.Zero;
            for (var column = 0; column < whole; column += width)
            {
                sum = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref m, start + (nuint)column), Vector.LoadUnsafe(ref v, (nuint)column), sum);
            }

            result[row] = addend[row] + Vector.Sum(sum);
        }

        if (whole < columns)
        {
            AddPartialColumns(matrix, vector, whole, result);
        }
    }

    /// <summary>The columns past the last whole SIMD vector, for sizes that are not a multiple of its width.</summary>
    private static void AddPartialColumns(ReadOnlySpan<float> matrix, ReadOnlySpan<float> vector, int from, Span<float> result)
    {
        for (var row = 0; row < result.Length; row++)
        {
            var entries = matrix.Slice(row * vector.Length, vector.Length);
            for (var column = from; column < vector.Length; column++)
            {
                result[row] += entries[column] * vector[column];
            }
        }
    }
}
