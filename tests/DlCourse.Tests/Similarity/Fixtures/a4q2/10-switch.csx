int ConvOutputSize(int n, int kernel, int padding, int stride) => stride switch
{
    <= 0 => throw new ArgumentException("stride must be positive", nameof(stride)),
    1 => n + 2 * padding - kernel + 1,
    _ => Enumerable.Range(0, n + 2 * padding - kernel + 1).Count(offset => offset % stride == 0),
};
