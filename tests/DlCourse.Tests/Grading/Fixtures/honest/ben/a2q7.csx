using static System.Math;

double[] SolveNormalEquations(Matrix<double> X, Vector<double> y)
{
    var theta = (X.Transpose() * X).Solve(X.Transpose() * y);
    display($"‖θ‖ = {Sqrt(theta.Sum(v => v * v)):F4}");
    return theta.ToArray();
}
