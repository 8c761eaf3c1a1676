// conv output size: count the offsets a window can start at
int ConvOutputSize(int n, int kernel, int padding, int stride) => stride switch
{
    < 1 => throw new ArgumentException("the stride has to be 1 or more", nameof(stride)),
    // stride 1: every offset counts
    1 => n + 2 * padding - kernel + 1,
    // otherwise keep every stride-th offset
    _ => Enumerable.Range(0, n + 2 * padding - kernel + 1).Count(offset => offset % stride == 0),
};
