using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Derivations;

/// <summary>L(w) = (1/m) Σ_i exp(−w·x_i) over inputs x_i (the rows of a matrix), with its gradient and Hessian.
/// The log loss of labels all 1 behaves like it once the bias is large.</summary>
public sealed class ExponentialLoss
{
    private readonly Matrix<double> inputs;

    public ExponentialLoss(Matrix<double> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.RowCount == 0 || inputs.ColumnCount == 0) throw new ArgumentException("Expected at least one input of at least one feature.", nameof(inputs));
        this.inputs = inputs.Clone();
    }

    public int ParameterCount => inputs.ColumnCount;

    public double Value(double[] w) => Terms(w).Average();

    public double[] Gradient(double[] w) => (-inputs.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(Terms(w))) / inputs.RowCount).ToArray();

    public Matrix<double> Hessian(double[] w) =>
        inputs.TransposeThisAndMultiply(Matrix<double>.Build.DenseOfDiagonalArray(Terms(w)) * inputs) / inputs.RowCount;

    /// <summary>Of <paramref name="count"/> equally spaced directions u = (cos a, sin a) in the plane (two features), how many have
    /// u·x_i > 0 for every input: along such a direction the loss falls towards 0 without end.</summary>
    public int OneSidedDirections(int count = 360)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (ParameterCount != 2) throw new InvalidOperationException($"Directions are drawn in the plane; the inputs have {ParameterCount} features.");
        return Enumerable.Range(0, count).Select(k => k * 2 * Math.PI / count)
            .Count(a => Enumerable.Range(0, inputs.RowCount).All(i => Math.Cos(a) * inputs[i, 0] + Math.Sin(a) * inputs[i, 1] > 0));
    }

    /// <summary>e_i = exp(−w·x_i).</summary>
    private double[] Terms(double[] w)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (w.Length != ParameterCount) throw new ArgumentException($"Expected {ParameterCount} weights but got {w.Length}.", nameof(w));
        return (inputs * Vector<double>.Build.DenseOfArray(w)).Select(z => Math.Exp(-z)).ToArray();
    }
}
