using DlCourse.Optimization;

namespace DlCourse.Tests.Support;

/// <summary>An optimizer run on a function given by its gradient, the points it visits recorded (start included).</summary>
public static class OptimizerPath
{
    public static List<double[]> Follow(IOptimizer optimizer, Func<double[], double[]> gradient, double[] start, int steps)
    {
        var point = start.Select(v => (float)v).ToArray();
        var path = new List<double[]> { start.ToArray() };
        for (int t = 0; t < steps; t++)
        {
            var g = gradient(point.Select(v => (double)v).ToArray());
            optimizer.Step(point, g.Select(v => (float)v).ToArray());
            path.Add(point.Select(v => (double)v).ToArray());
        }
        return path;
    }
}
