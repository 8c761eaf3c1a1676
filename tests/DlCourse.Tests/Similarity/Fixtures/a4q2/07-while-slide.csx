int ConvOutputSize(int n, int kernel, int padding, int stride)
{
    int room = n + padding * 2;
    int outputs = 0;
    int offset = 0;
    while (offset + kernel <= room)
    {
        outputs += 1;
        offset += stride;
    }
    return outputs;
}
