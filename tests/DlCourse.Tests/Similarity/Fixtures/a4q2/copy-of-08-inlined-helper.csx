int ConvOutputSize(int n, int kernel, int padding, int stride)
{
    if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), "negative padding");
    int length = n + 2 * padding;
    if (kernel > length) return 0;
    return (length - kernel) / stride + 1;
}
