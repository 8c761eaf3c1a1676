using DlCourse.Data;
using DlCourse.Models;

namespace DlCourse.Tests.Models;

/// <summary>Central finite differences of a model's loss, one parameter at a time, for comparing with its analytic gradient.</summary>
internal static class ModelGradient
{
    public static (float[] Analytic, double[] Numeric) Compare(ITrainable model, Dataset data, int[]? rows, double h = 1e-2)
    {
        var analytic = new float[model.Parameters.Length];
        model.LossAndGradient(data, rows, analytic);
        var numeric = new double[analytic.Length];
        var scratch = new float[analytic.Length];
        for (int j = 0; j < numeric.Length; j++)
        {
            float saved = model.Parameters[j];
            model.Parameters[j] = saved + (float)h;
            double plus = model.LossAndGradient(data, rows, scratch);
            model.Parameters[j] = saved - (float)h;
            double minus = model.LossAndGradient(data, rows, scratch);
            model.Parameters[j] = saved;
            numeric[j] = (plus - minus) / (2 * h);
        }
        return (analytic, numeric);
    }

    /// <summary>‖a − n‖ / max(‖a‖, ‖n‖), the usual relative error of a gradient check.</summary>
    public static double RelativeError(float[] analytic, double[] numeric)
    {
        double diff = 0, a = 0, n = 0;
        for (int j = 0; j < numeric.Length; j++)
        {
            diff += (analytic[j] - numeric[j]) * (analytic[j] - numeric[j]);
            a += (double)analytic[j] * analytic[j];
            n += numeric[j] * numeric[j];
        }
        return Math.Sqrt(diff) / Math.Max(1e-12, Math.Max(Math.Sqrt(a), Math.Sqrt(n)));
    }
}
