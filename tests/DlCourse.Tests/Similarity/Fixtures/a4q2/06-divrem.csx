int ConvOutputSize(int n, int kernel, int padding, int stride)
{
    int span = checked(n + 2 * padding - kernel);
    int steps = Math.DivRem(span, stride, out _);
    return steps + 1;
}
