using DlCourse.Data;
using DlCourse.Numerics;

namespace DlCourse.Models;

/// <summary>
/// A model's loss and gradient as plain functions of its parameter vector, for <see cref="Derivations.GradientCheck"/>
/// and for contour plots; each call puts θ in the model and restores its parameters and gradient after.
/// </summary>
public static class ModelFunctions
{
    /// <summary>θ ↦ loss(θ) on <paramref name="rows"/> of the data (all rows when null).</summary>
    public static Func<double[], double> Loss(Model model, Dataset data, int[]? rows = null) =>
        theta => model.At(VectorKernels.ToSingle(theta), m => m.LossAndGradient(data, rows));

    /// <summary>θ ↦ ∇loss(θ), the model's analytic gradient.</summary>
    public static Func<double[], double[]> Gradient(Model model, Dataset data, int[]? rows = null) =>
        theta => model.At(VectorKernels.ToSingle(theta), m =>
        {
            m.LossAndGradient(data, rows);
            return Array.ConvertAll(m.Gradient, g => (double)g);
        });

    /// <summary>The current parameters in double precision.</summary>
    public static double[] ParametersOf(Model model) => ParametersOf(model.Parameters);

    /// <summary>Recorded parameters (a snapshot of a training run's trajectory) in double precision, as θ for these functions.</summary>
    public static double[] ParametersOf(ReadOnlySpan<float> parameters)
    {
        var theta = new double[parameters.Length];
        for (int i = 0; i < theta.Length; i++) theta[i] = parameters[i];
        return theta;
    }
}
