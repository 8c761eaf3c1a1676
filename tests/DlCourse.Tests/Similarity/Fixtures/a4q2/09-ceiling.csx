int ConvOutputSize(int n, int kernel, int padding, int stride)
{
    // the number of valid window starts is ceil((n + 2p - k + 1) / s)
    int validStarts = n + 2 * padding - kernel + 1;
    return (validStarts + stride - 1) / stride;
}
