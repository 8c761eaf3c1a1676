using DlCourse.Models;
using DlCourse.Plotting;

namespace DlCourse.Tests.Plotting;

public class ClassWeightsChartTests
{
    private static SoftmaxRegression Model() =>
        new SoftmaxRegression(4, 2).WithParameters([1f, -2f, 3f, 0.5f, 0f, 0.25f, -1f, 2f, 0.1f, -0.1f]);

    [Fact]
    public void Each_class_row_of_W_becomes_one_image()
    {
        var chart = Charts.ClassWeights(Model(), 2, 2, ["cat", "dog"], "weights");
        var expected = Charts.ImageGrid([[1f, -2f, 3f, 0.5f], [0f, 0.25f, -1f, 2f]], 2, 2, ["cat", "dog"], "weights");
        Assert.Equal(FigureJson.Of(expected), FigureJson.Of(chart));
    }

    [Fact]
    public void Image_shape_and_class_names_must_fit_the_model()
    {
        Assert.Contains("need 6 features", Assert.Throws<ArgumentException>(() => Charts.ClassWeights(Model(), 2, 3, ["cat", "dog"], "w")).Message);
        Assert.Contains("1 class names for 2 classes", Assert.Throws<ArgumentException>(() => Charts.ClassWeights(Model(), 2, 2, ["cat"], "w")).Message);
    }
}
