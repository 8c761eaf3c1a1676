class Hessians(Func<double[], double[]> softmax)
{
    public Matrix<double> At(double[] z)
    {
        var p = Vector<double>.Build.Dense(softmax(z));
        return Matrix<double>.Build.DenseOfDiagonalVector(p) - p.OuterProduct(p);
    }
}

Matrix<double> CrossEntropyHessian(double[] z) => new Hessians(StableSoftmax.Apply).At(z);
