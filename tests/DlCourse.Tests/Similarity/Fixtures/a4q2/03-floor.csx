int ConvOutputSize(int n, int kernel, int padding, int stride)
{
    double positions = Math.Floor((double)(n + padding + padding - kernel) / stride);
    return (int)positions + 1;
}
