using DlCourse.Data;

namespace DlCourse.Tests.Data;

public class DatasetTests
{
    [Fact]
    public void SplitIsAPartitionReproducibleFromItsSeed()
    {
        var data = Synthetic.TwoGaussians(50, seed: 3);
        var (train, validation) = data.Split(0.2, seed: 7);
        var (train2, validation2) = data.Split(0.2, seed: 7);

        Assert.Equal(80, train.Count);
        Assert.Equal(20, validation.Count);
        Assert.Equal(train.Features, train2.Features);
        Assert.Equal(validation.Labels, validation2.Labels);
        var all = train.Column(0).Concat(validation.Column(0)).Order();
        Assert.Equal(data.Column(0).Order(), all);
        Assert.NotEqual(train.Features, data.Split(0.2, seed: 8).Remainder.Features);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Split_refuses_a_fraction_outside_the_open_unit_interval(double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.TwoGaussians(10, seed: 1).Split(fraction, seed: 1));

    [Fact]
    public void Binary_refuses_a_class_the_set_lacks_and_twice_the_same_class()
    {
        var data = Synthetic.ThreeGaussians(5, seed: 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Binary(negative: 3, positive: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Binary(negative: 0, positive: -1));
        Assert.Throws<ArgumentException>(() => data.Binary(negative: 1, positive: 1));
    }

    [Fact]
    public void StandardizerUsesTrainStatisticsOnly()
    {
        var train = Dataset.FromRows([[1, 5], [3, 5], [5, 5]], [0, 1, 0]);
        var test = Dataset.FromRows([[7, 6]], [1]);
        var scaler = Standardizer.Fit(train);

        var scaledTrain = scaler.Apply(train);
        Assert.Equal(0, scaledTrain.Column(0).Average(), 6);
        Assert.Equal(1, Math.Sqrt(scaledTrain.Column(0).Select(v => v * v).Average()), 5);
        // Test row: (7 − 3) / sqrt(8/3); the constant feature is only centred.
        Assert.Equal(4 / Math.Sqrt(8.0 / 3), scaler.Apply(test)[0, 0], 5);
        Assert.Equal(1, scaler.Apply(test)[0, 1], 6);
    }

    [Fact]
    public void MiniBatchesCoverEveryRowOnceAndShuffleReproducibly()
    {
        var batches = MiniBatches.Of(10, 4, new Random(1)).ToList();
        Assert.Equal([4, 4, 2], batches.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 10), batches.SelectMany(b => b).Order());
        Assert.Equal(batches.SelectMany(b => b), MiniBatches.Of(10, 4, new Random(1)).SelectMany(b => b));
        Assert.Equal(Enumerable.Range(0, 10), MiniBatches.Of(10, 3).SelectMany(b => b));
        var random = new Random(1);
        Assert.NotEqual(MiniBatches.Of(10, 10, random).Single(), MiniBatches.Of(10, 10, random).Single());
    }

    [Fact]
    public void SyntheticSetsAreSeededAndBalanced()
    {
        var three = Synthetic.ThreeGaussians(40, seed: 1);
        Assert.Equal([40, 40, 40], three.ClassCounts());
        Assert.Equal(three.Features, Synthetic.ThreeGaussians(40, seed: 1).Features);
        Assert.NotEqual(three.Features, Synthetic.ThreeGaussians(40, seed: 2).Features);
        var xor = Synthetic.Xor();
        Assert.Equal([0, 1, 1, 0], xor.Labels);
        var noisy = Synthetic.NoisyXor(25, seed: 1);
        Assert.All(Enumerable.Range(0, noisy.Count), i =>
            Assert.Equal((noisy[i, 0] > 0.5) ^ (noisy[i, 1] > 0.5) ? 1 : 0, noisy.Labels[i]));
    }

    [Fact]
    public void BinaryKeepsTwoClassesAsZeroAndOne()
    {
        var data = Dataset.FromRows([[0], [1], [2], [3]], [3, 5, 3, 7]);
        var binary = data.Binary(negative: 3, positive: 5);
        Assert.Equal([0, 1, 0], binary.Labels);
        Assert.Equal([0.0, 1, 2], binary.Column(0));
    }

    [Fact]
    public void RegressionSetsCarryTargetsAndNoClasses()
    {
        var data = Dataset.Regression([0.0, 1, 2, 3], [1.0, 3, 5, 7]);
        Assert.True(data.IsRegression);
        Assert.Equal(0, data.ClassCount);
        Assert.NotNull(data.Targets);
        Assert.Equal([1f, 3, 5, 7], data.Targets);
        Assert.Equal(5f, data.Target(2));
        Assert.Contains("real targets", data.ToString());
        var (rest, part) = data.Split(0.5, seed: 1);
        Assert.True(rest.IsRegression && part.IsRegression);
        Assert.Equal(part.Column(0).Select(x => (float)(2 * x + 1)), part.Targets!);
        var fit = DlCourse.Tests.Numerics.TestData.LeastSquares(data);
        Assert.Equal(2, fit[0], 4);
        Assert.Equal(1, fit[1], 4);
        Assert.False(Dataset.FromRows([[0], [1]], [0, 1]).IsRegression);
        Assert.Throws<ArgumentException>(() => Dataset.Regression([0.0, 1], [1.0]));
        Assert.Throws<ArgumentException>(() => new Dataset(new float[2], 1, [0, 1], 0, [1f, 2f]));
    }

    [Fact]
    public void BadShapesAreRejectedWithAReason()
    {
        Assert.Contains("need 6", Assert.Throws<ArgumentException>(() => new Dataset(new float[5], 2, [0, 1, 0])).Message);
        Assert.Throws<ArgumentException>(() => Dataset.FromRows([[1, 2], [3]], [0, 1]));
    }

    [Fact]
    public void Class_means_are_the_averages_of_each_class_s_examples()
    {
        var data = Synthetic.ThreeGaussians(perClass: 30, seed: 2);
        var means = data.ClassMeans();
        Assert.Equal(3, means.Count);
        for (int k = 0; k < 3; k++)
            for (int j = 0; j < 2; j++)
                Assert.Equal(Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == k).Average(i => (double)data[i, j]), means[k][j], 12);
        var withNaN = Dataset.FromRows([[1, 2], [double.NaN, 4], [5, 6]], [0, 0, 1], classCount: 3);
        Assert.True(double.IsNaN(withNaN.ClassMeans()[0][0]));
        Assert.Equal(3.0, withNaN.ClassMeans()[0][1]);
        Assert.True(double.IsNaN(withNaN.ClassMeans()[2][0]), "a class without examples has no mean");
        Assert.Throws<InvalidOperationException>(() => Dataset.Regression([1.0, 2.0], [3.0, 4.0]).ClassMeans());
    }
}
