using DlCourse.Models;
using DlCourse.Plotting;

namespace DlCourse.Tests.Plotting;

public class BoundaryRayTests
{
    // w₀ = (1, 0), w₁ = (0, 1), w₂ = 0, b = 0: all three logits tie at the origin. z₀ = z₁ on x₁ = x₂, where z₀ − z₂ = x₁
    // grows towards (1, 1); z₀ = z₂ on x₁ = 0, where z₀ − z₁ = −x₂ grows towards (0, −1).
    private static SoftmaxRegression Model() => new SoftmaxRegression(2, 3).WithParameters([1f, 0f, 0f, 1f, 0f, 0f, 0f, 0f, 0f]);

    [Fact]
    public void The_direction_points_where_the_pair_leads_the_third_class()
    {
        Assert.Equal([1.0, 1.0], Charts.BoundaryDirection(Model(), 0, 1, [0, 0]));
        Assert.Equal([0.0, -1.0], Charts.BoundaryDirection(Model(), 0, 2, [0, 0]));
        var unit = Charts.BoundaryDirection(Model(), 0, 1, [0, 0], normalize: true);
        Assert.Equal(Math.Sqrt(0.5), unit[0], 12);
        Assert.Equal(Math.Sqrt(0.5), unit[1], 12);
        // Along the ray both classes of the pair are predicted on either side of it, never the third.
        foreach (var t in new[] { 0.5, 2, 10 })
            Assert.Equal(new[] { 0, 1 }, new[] { Model().Predict([t + 0.01, t - 0.01]), Model().Predict([t - 0.01, t + 0.01]) });
    }

    [Fact]
    public void The_ray_keeps_its_points_inside_the_box()
    {
        var ray = Charts.BoundaryRay(Model(), 0, 1, [0, 0], new AxisRange(-1, 1), new AxisRange(-1, 1), step: 0.5, points: 10);
        Assert.Equal("boundary class 0 | class 1", ray.Name);
        Assert.Equal([0, 0.5, 1], ray.X);
        Assert.Equal([0, 0.5, 1], ray.Y);
        var down = Charts.BoundaryRay(Model(), 2, 0, [0, 0], new AxisRange(-1, 1), new AxisRange(-0.6, 1), step: 0.25, points: 100);
        Assert.Equal([0, 0, 0], down.X);
        Assert.Equal([0, -0.25, -0.5], down.Y);
    }

    [Fact]
    public void Arguments_are_validated()
    {
        var box = new AxisRange(-1, 1);
        Assert.Throws<ArgumentException>(() => Charts.BoundaryDirection(new SoftmaxRegression(2, 4), 0, 1, [0, 0]));
        Assert.Throws<ArgumentException>(() => Charts.BoundaryDirection(Model(), 1, 1, [0, 0]));
        Assert.Throws<ArgumentException>(() => Charts.BoundaryDirection(Model(), 0, 3, [0, 0]));
        Assert.Throws<ArgumentException>(() => Charts.BoundaryDirection(Model(), 0, 1, [0]));
        Assert.Throws<ArgumentException>(() => Charts.BoundaryDirection(new SoftmaxRegression(2, 3).WithParameters(new float[9]), 0, 1, [0, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Charts.BoundaryRay(Model(), 0, 1, [0, 0], box, box, step: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Charts.BoundaryRay(Model(), 0, 1, [0, 0], box, box, points: 0));
    }
}
