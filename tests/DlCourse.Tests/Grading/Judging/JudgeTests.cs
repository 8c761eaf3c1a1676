using DlCourse.Cli.Grading.Judging;

namespace DlCourse.Tests.Grading.Judging;

// Inside the namespace, so that it wins over the library's own (internal, visible to tests) DlCourse.CheckRecord.
using CheckRecord = DlCourse.Cli.Grading.Judging.CheckRecord;

/// <summary>The judge holds the student's values against the reference run's expected values, bounds and tolerances.</summary>
public class JudgeTests
{
    private static CheckRecord Close(double[] actual, double[] expected, double tolerance = 1e-9, double relative = 0) =>
        new("close", "values", actual, expected, tolerance, relative);

    [Fact]
    public void Values_are_held_against_the_reference_s_expected_values_not_the_student_s_own()
    {
        // The student's process agreed with itself (its own expected value was corrupted); the reference's was not.
        var student = Close([0.0], [0.0]);
        var reference = Close([2.302585], [2.302585]);

        var verdict = Judge.Compare([student], [reference]);

        Assert.False(verdict.Passed);
        Assert.Contains("got 0, expected 2.30259", verdict.Why);
        Assert.True(Judge.Compare([Close([2.302585 + 5e-10], [0.0])], [reference]).Passed);
    }

    [Fact]
    public void The_reference_s_tolerance_counts_relative_included_and_NaN_never_passes()
    {
        var reference = Close([1e4], [1e4], tolerance: 0, relative: 1e-12);
        Assert.True(Judge.Compare([Close([1e4 + 1e-9], [0], tolerance: 1)], [reference]).Passed);
        Assert.False(Judge.Compare([Close([1e4 + 1e-7], [0], tolerance: 1)], [reference]).Passed);
        Assert.False(Judge.Compare([Close([double.NaN], [double.NaN])], [Close([1], [1])]).Passed);
        Assert.True(Judge.Compare([Close([double.PositiveInfinity], [0])], [Close([0], [double.PositiveInfinity])]).Passed);
    }

    [Fact]
    public void More_fewer_or_other_checks_than_the_reference_fail()
    {
        var reference = new[] { Close([1], [1]), new CheckRecord("equal", "count", [3], [3]) };

        Assert.True(Judge.Compare(reference, reference).Passed);
        Assert.Contains("made 1 checks", Judge.Compare([reference[0]], reference).Why);
        Assert.Contains("made 3 checks", Judge.Compare([.. reference, reference[0]], reference).Why);
        Assert.Contains("was a close check", Judge.Compare([reference[0], reference[0]], reference).Why);
        Assert.False(Judge.Compare([new("overflow", "", [], []), reference[1]], reference).Passed);
    }

    [Fact]
    public void Bounds_shapes_signs_and_orders_are_judged_on_the_student_s_values()
    {
        Assert.False(Judge.Compare([new("at-most", "error", [0.5], [10])], [new("at-most", "error", [1e-13], [1e-12])]).Passed);
        Assert.True(Judge.Compare([new("at-least", "accuracy", [0.81, 0.9], [0])], [new("at-least", "accuracy", [0.85, 0.9], [0.8])]).Passed);
        Assert.False(Judge.Compare([new("at-least", "accuracy", [double.NaN], [0.8])], [new("at-least", "accuracy", [0.85], [0.8])]).Passed);
        Assert.False(Judge.Compare([new("less", "loss", [0.5], [0.9])], [new("less", "loss", [0.3], [0.4])]).Passed);
        Assert.False(Judge.Compare([new("sign", "slope", [double.NaN], [-1])], [new("sign", "slope", [-2], [-1])]).Passed);
        Assert.False(Judge.Compare([new("true", "holds", [0], [1])], [new("true", "holds", [1], [1])]).Passed);
        var falls = new CheckRecord("decreasing", "loss", [3, 2, 1], [], Tolerance: 0.1);
        Assert.True(Judge.Compare([falls with { Actual = [3, 2.05, 2.1] }], [falls]).Passed);
        Assert.False(Judge.Compare([falls with { Actual = [3, 2, 2.2] }], [falls]).Passed);
        var square = new CheckRecord("close", "matrix", [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6], Shape: [2, 3, 2, 3]);
        Assert.Contains("3×2 matrix", Judge.Compare([square with { Shape = [3, 2, 3, 2] }], [square]).Why);
    }
}
