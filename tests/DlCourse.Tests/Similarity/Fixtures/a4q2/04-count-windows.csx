int ConvOutputSize(int n, int kernel, int padding, int stride)
{
    int count = 0;
    for (int start = -padding; start + kernel <= n + padding; start += stride)
        count++;
    return count;
}
