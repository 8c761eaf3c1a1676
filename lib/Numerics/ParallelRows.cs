namespace DlCourse.Numerics;

/// <summary>Splits a batch of rows over the cores, each chunk accumulating into its own buffer, then adds the buffers up.</summary>
internal sealed class ParallelRows
{
    // Below this much work (rows × values per row) one thread is faster than handing chunks out.
    private const long MinimumWork = 100_000;
    private float[][] buffers = [];

    public delegate double Chunk(int start, int end, Span<float> accumulator);

    /// <summary>Runs <paramref name="chunk"/> over rows [0, count) and returns the sum of its results; the accumulators are summed into <paramref name="total"/>.</summary>
    public double Run(int count, int workPerRow, Span<float> total, Chunk chunk)
    {
        total.Clear();
        int chunks = (long)count * workPerRow < MinimumWork ? 1 : Math.Min(Environment.ProcessorCount, count);
        if (chunks <= 1) return chunk(0, count, total);

        int length = total.Length;
        if (buffers.Length < chunks || buffers[0].Length != length)
            buffers = Enumerable.Range(0, chunks).Select(_ => new float[length]).ToArray();
        var results = new double[chunks];
        var local = buffers;
        Parallel.For(0, chunks, c =>
        {
            Array.Clear(local[c]);
            results[c] = chunk((int)((long)count * c / chunks), (int)((long)count * (c + 1) / chunks), local[c]);
        });
        for (int c = 0; c < chunks; c++) VectorKernels.AddScaled(local[c], 1f, total);
        return results.Sum();
    }
}
