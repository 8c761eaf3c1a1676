int PaddedLength(int size, int pad)
{
    if (pad < 0) throw new ArgumentOutOfRangeException(nameof(pad), "negative padding");
    return size + 2 * pad;
}

int WindowPositions(int length, int window, int step)
{
    if (window > length) return 0;
    return (length - window) / step + 1;
}

int ConvOutputSize(int n, int kernel, int padding, int stride) =>
    WindowPositions(PaddedLength(n, padding), kernel, stride);
