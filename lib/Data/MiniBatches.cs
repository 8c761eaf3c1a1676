namespace DlCourse.Data;

/// <summary>Row indices of mini-batches for one epoch: batch size n is full-batch gradient descent, 1 is stochastic.</summary>
public static class MiniBatches
{
    /// <summary>
    /// Splits rows 0..count−1 into batches of <paramref name="batchSize"/> (the last may be smaller), in a fresh random
    /// order drawn from <paramref name="shuffle"/> when given, else in order.
    /// </summary>
    public static IEnumerable<int[]> Of(int count, int batchSize, Random? shuffle = null)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), "the batch size must be positive");
        var order = Enumerable.Range(0, count).ToArray();
        shuffle?.Shuffle(order);
        for (int start = 0; start < count; start += batchSize)
            yield return order[start..Math.Min(count, start + batchSize)];
    }
}
