using DlCourse.Derivations;

namespace DlCourse.Tests.Derivations;

public class GradientDecayTests
{
    [Fact]
    public void The_factor_per_layer_is_the_geometric_mean_of_the_ratios_of_consecutive_layers()
    {
        // Ratios 2, 3 and 4.5 between consecutive layers: their geometric mean is 27^(1/3) = 3.
        var decay = new GradientDecay([-1.0, 2.0, -6.0, 27.0]);
        Assert.Equal(1.0, decay.First);
        Assert.Equal(27.0, decay.Last);
        Assert.Equal(1.0 / 3, decay.FactorPerLayer, 12);
        Assert.Equal("|∂E/∂w⁽¹⁾| = 1, |∂E/∂w⁽ᴸ⁾| = 27: a factor 0.333 per layer on average", decay.ToString());
    }

    [Fact]
    public void Arguments_are_validated_and_NaN_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new GradientDecay([1.0]));
        Assert.Throws<ArgumentException>(() => new GradientDecay([double.NaN, 1.0]));
        Assert.Throws<ArgumentException>(() => new GradientDecay([1.0, 0.0]));
        Assert.Throws<ArgumentNullException>(() => new GradientDecay(null!));
    }
}
