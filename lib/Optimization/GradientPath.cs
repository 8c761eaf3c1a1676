namespace DlCourse.Optimization;

/// <summary>Runs an optimizer on a function given by its gradient and records the path, for trajectories over a loss contour.</summary>
public static class GradientPath
{
    /// <summary>The points visited from <paramref name="start"/> over <paramref name="steps"/> steps (start included).</summary>
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
