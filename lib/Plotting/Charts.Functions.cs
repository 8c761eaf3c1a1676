using Plotly.NET;

namespace DlCourse.Plotting;

public static partial class Charts
{
    /// <summary>Functions of one variable drawn over one grid, one line each: a loss, a derivative or a divergence as its
    /// argument varies.</summary>
    public static GenericChart Functions(string title, string xTitle, string yTitle, IReadOnlyList<double> grid,
        params (string Name, Func<double, double> F)[] functions)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(functions);
        if (grid.Count == 0) throw new ArgumentException("The grid is empty; give the points to draw the functions at.", nameof(grid));
        if (functions.Length == 0) throw new ArgumentException("No function to draw; give at least one (name, function) pair.", nameof(functions));
        foreach (var (name, f) in functions)
            if (f is null) throw new ArgumentException($"The function named \"{name}\" is null.", nameof(functions));
        return Lines(title, xTitle, yTitle, functions.Select(c => new Series(c.Name, grid, grid.Select(c.F).ToArray())));
    }
}
