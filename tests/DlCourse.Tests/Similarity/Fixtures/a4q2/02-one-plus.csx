int ConvOutputSize(int n, int kernel, int padding, int stride) => 1 + (n - kernel + 2 * padding) / stride;
