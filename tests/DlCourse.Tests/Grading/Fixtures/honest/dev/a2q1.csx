using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra.Double;

double[] MeetingPoint(SoftmaxRegression m)
{
    Debug.Assert(m.ClassCount == 3, "three classes");
    var A = DenseMatrix.Create(2, 2, (r, c) => m.Weights(r + 1)[c] - m.Weights(0)[c]);
    var rhs = DenseVector.Create(2, r => m.Bias[0] - m.Bias[r + 1]);
    return A.Solve(rhs).ToArray();
}
