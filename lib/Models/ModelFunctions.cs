using DlCourse.Data;

namespace DlCourse.Models;

/// <summary>
/// A model's loss and gradient as plain functions of its parameter vector, for <see cref="Derivations.GradientCheck"/>
/// and for contour plots; each call evaluates a copy of the model, so the model itself is never changed.
/// </summary>
public static class ModelFunctions
{
    /// <summary>θ ↦ loss(θ) on <paramref name="rows"/> of the data (all rows when null).</summary>
    public static Func<double[], double> Loss(ITrainable model, Dataset data, int[]? rows = null) =>
        theta => At(model, theta).LossAndGradient(data, rows, new float[model.Parameters.Length]);

    /// <summary>θ ↦ ∇loss(θ), the model's analytic gradient.</summary>
    public static Func<double[], double[]> Gradient(ITrainable model, Dataset data, int[]? rows = null) =>
        theta =>
        {
            var gradient = new float[model.Parameters.Length];
            At(model, theta).LossAndGradient(data, rows, gradient);
            return Array.ConvertAll(gradient, g => (double)g);
        };

    /// <summary>The current parameters in double precision.</summary>
    public static double[] ParametersOf(ITrainable model) => ParametersOf(model.Parameters);

    /// <summary>Recorded parameters (a snapshot of a training run's trajectory) in double precision, as θ for these functions.</summary>
    public static double[] ParametersOf(ReadOnlySpan<float> parameters)
    {
        var theta = new double[parameters.Length];
        for (int i = 0; i < theta.Length; i++) theta[i] = parameters[i];
        return theta;
    }

    // WithParameters refuses a θ of the wrong length.
    private static ITrainable At(ITrainable model, double[] theta) => model.WithParameters(VectorKernels.ToSingle(theta));
}
