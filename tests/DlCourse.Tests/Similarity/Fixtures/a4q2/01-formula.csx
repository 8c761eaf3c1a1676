int ConvOutputSize(int n, int kernel, int padding, int stride)
{
    return (n + 2 * padding - kernel) / stride + 1;
}
