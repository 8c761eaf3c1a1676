double[] JacobianColumn(double[] s, int col)
{
    var column = new double[s.Length];
    for (int row = 0; row < s.Length; row++) column[row] = -s[row] * s[col];
    column[col] += s[col];
    return column;
}

Matrix<double> SoftmaxJacobian(double[] z)
{
    double[] s = new double[z.Length];
    StableSoftmax.Apply<double>(z, s);
    var jacobian = Matrix<double>.Build.Dense(s.Length, s.Length);
    for (int col = 0; col < s.Length; col++)
        jacobian.SetColumn(col, JacobianColumn(s, col));
    return jacobian;
}
