// The same formula as anyone's: (n + 2p - k) / s + 1, with integer division as the floor.
int ConvOutputSize(int n, int kernel, int padding, int stride) =>
    (n + 2 * padding - kernel) / stride + 1;
