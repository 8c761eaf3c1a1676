using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Numerics;

/// <summary>Shared plumbing for the softmax family: input checks and "apply a span kernel to every row of a matrix".</summary>
internal static class RowKernels
{
    internal static void RequireSameLength(int input, int destination, string inputName = "input")
    {
        if (input == 0) throw new ArgumentException($"The {inputName} is empty; pass at least one value.", inputName);
        if (destination != input)
            throw new ArgumentException($"The destination has length {destination} but the {inputName} has length {input}; they must match.", "destination");
    }

    /// <summary>Applies <paramref name="kernel"/> to each row of <paramref name="input"/> (rows = samples) and returns a new matrix.</summary>
    internal static Matrix<T> MapRows<T>(Matrix<T> input, SpanKernel<T> kernel) where T : struct, IFloatingPointIeee754<T>, IFormattable
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = Matrix<T>.Build.Dense(input.RowCount, input.ColumnCount);
        var row = new T[input.ColumnCount];
        for (int i = 0; i < input.RowCount; i++)
        {
            input.Row(i).CopyTo(MathNet.Numerics.LinearAlgebra.Vector<T>.Build.Dense(row));
            kernel(row, row);
            result.SetRow(i, row);
        }
        return result;
    }

    /// <summary>Applies a span→scalar reduction to each row and returns one value per row.</summary>
    internal static MathNet.Numerics.LinearAlgebra.Vector<T> ReduceRows<T>(Matrix<T> input, SpanReduction<T> reduction) where T : struct, IFloatingPointIeee754<T>, IFormattable
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = MathNet.Numerics.LinearAlgebra.Vector<T>.Build.Dense(input.RowCount);
        for (int i = 0; i < input.RowCount; i++) result[i] = reduction(input.Row(i).ToArray());
        return result;
    }

    internal delegate void SpanKernel<T>(ReadOnlySpan<T> input, Span<T> destination);
    internal delegate T SpanReduction<T>(ReadOnlySpan<T> input);
}
