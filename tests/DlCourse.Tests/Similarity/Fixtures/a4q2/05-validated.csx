int ConvOutputSize(int n, int kernel, int padding, int stride)
{
    if (stride < 1) throw new ArgumentOutOfRangeException(nameof(stride), "stride must be at least 1");
    if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), "padding cannot be negative");
    if (kernel < 1) throw new ArgumentOutOfRangeException(nameof(kernel), "kernel must be at least 1");
    int paddedSize = n + 2 * padding;
    if (kernel > paddedSize) throw new ArgumentException($"a {kernel}-wide kernel does not fit in {paddedSize} padded positions");
    int lastOffset = paddedSize - kernel;
    return lastOffset / stride + 1;
}
