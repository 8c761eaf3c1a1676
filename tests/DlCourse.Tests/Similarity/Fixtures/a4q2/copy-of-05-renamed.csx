int ConvOutputSize(int size, int k, int pad, int step)
{
    if (step < 1) throw new ArgumentOutOfRangeException(nameof(step), "stride must be at least 1");
    if (pad < 0) throw new ArgumentOutOfRangeException(nameof(pad), "padding cannot be negative");
    if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "kernel must be at least 1");
    int total = size + 2 * pad;
    if (k > total) throw new ArgumentException($"a {k}-wide kernel does not fit in {total} padded positions");
    int last = total - k;
    return last / step + 1;
}
