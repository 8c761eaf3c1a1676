namespace DlCourse.Data;

/// <summary>Per-feature standardisation (x − mean) / std, fitted on the training set only and applied unchanged to the others.</summary>
public sealed class Standardizer
{
    private Standardizer(float[] mean, float[] scale) { Mean = mean; Scale = scale; }

    public float[] Mean { get; }
    /// <summary>The standard deviation of each feature (1 for a constant feature, which then only gets centred).</summary>
    public float[] Scale { get; }

    public static Standardizer Fit(Dataset train)
    {
        int d = train.FeatureCount;
        var sum = new double[d];
        var squares = new double[d];
        for (int i = 0; i < train.Count; i++)
        {
            var row = train.Row(i);
            for (int j = 0; j < d; j++) { sum[j] += row[j]; squares[j] += (double)row[j] * row[j]; }
        }
        var mean = new float[d];
        var scale = new float[d];
        for (int j = 0; j < d; j++)
        {
            double m = sum[j] / train.Count;
            double std = Math.Sqrt(Math.Max(0, squares[j] / train.Count - m * m));
            mean[j] = (float)m;
            scale[j] = std < 1e-6 ? 1f : (float)std;
        }
        return new Standardizer(mean, scale);
    }

    public Dataset Apply(Dataset data)
    {
        if (data.FeatureCount != Mean.Length)
            throw new ArgumentException($"fitted on {Mean.Length} features, given {data.FeatureCount}");
        var features = new float[data.Features.Length];
        for (int i = 0; i < data.Count; i++)
        {
            var row = data.Row(i);
            var output = features.AsSpan(i * data.FeatureCount, data.FeatureCount);
            for (int j = 0; j < output.Length; j++) output[j] = (row[j] - Mean[j]) / Scale[j];
        }
        return new Dataset(features, data.FeatureCount, data.Labels, data.ClassCount, data.Targets);
    }
}
