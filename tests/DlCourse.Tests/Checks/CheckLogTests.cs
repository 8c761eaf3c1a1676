using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Checks;

/// <summary>The log is process-wide: no other test may check while these drain it.</summary>
[CollectionDefinition(nameof(CheckLogTests), DisableParallelization = true)]
public sealed class CheckLogCollection;

/// <summary>Every Check records what it compared, before it passes or throws, so the grader can judge it in another process.</summary>
[Collection(nameof(CheckLogTests))]
public class CheckLogTests
{
    private static JsonElement[] Drain() => JsonDocument.Parse(CheckLog.Drain()).RootElement.EnumerateArray().ToArray();

    [Fact]
    public void Close_records_actual_expected_and_tolerances_even_when_it_fails()
    {
        CheckLog.Drain();
        Check.Close(1.5, 1.5, 1e-9, "passes", relative: 0.5);
        Assert.Throws<CheckFailedException>(() => Check.Close([1.0, double.NaN], [1.0, 2.0], 1e-3, "fails"));
        var records = Drain();

        Assert.Equal(2, records.Length);
        Assert.Equal("close", records[0].GetProperty("kind").GetString());
        Assert.Equal(0.5, records[0].GetProperty("relative").GetDouble());
        Assert.Equal(1e-9, records[0].GetProperty("tolerance").GetDouble());
        // NaN survives the trip as a named literal rather than being dropped or turned into a number.
        Assert.Equal("NaN", records[1].GetProperty("actual")[1].GetString());
        Assert.Equal(2.0, records[1].GetProperty("expected")[1].GetDouble());
        Assert.Empty(Drain());
    }

    [Fact]
    public void Matrices_record_both_shapes_and_bounds_record_the_bound()
    {
        CheckLog.Drain();
        var m = Matrix<double>.Build.Dense(2, 3, (i, j) => i + 10 * j);
        Check.Close(m, m, 0, "matrix");
        Check.AtMost(0.25, 1, "bounded");
        Check.Decreasing([3, 2, 2.5], "falls", slack: 1);
        var records = Drain();

        Assert.Equal([2, 3, 2, 3], records[0].GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([0, 10, 20, 1, 11, 21], records[0].GetProperty("actual").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(("at-most", 1.0), (records[1].GetProperty("kind").GetString(), records[1].GetProperty("expected")[0].GetDouble()));
        Assert.Equal(("decreasing", 1.0), (records[2].GetProperty("kind").GetString(), records[2].GetProperty("tolerance").GetDouble()));
    }

    [Fact]
    public void A_cell_that_checks_without_end_gets_one_overflow_record_instead_of_unbounded_memory()
    {
        CheckLog.Drain();
        for (int i = 0; i < CheckLog.MaxRecords + 50; i++) Check.Equal(i, i, "loop");
        var records = Drain();

        Assert.Equal(CheckLog.MaxRecords + 1, records.Length);
        Assert.Equal("overflow", records[^1].GetProperty("kind").GetString());
        Check.Equal(1, 1, "after a drain");
        Assert.Single(Drain());
    }
}
