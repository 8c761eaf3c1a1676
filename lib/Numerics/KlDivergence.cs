namespace DlCourse.Numerics;

/// <summary>D_KL(P‖Q) = Σ_k p_k log(p_k / q_k) (natural log, 0·log 0 = 0) for distributions P, Q; ∂D/∂q_k = −p_k / q_k.
/// Not symmetric in P and Q; equals H(P, Q) − H(P).</summary>
public static class KlDivergence
{
    public static double Value(double[] p, double[] q)
    {
        LossInputs.SameLength(p.Length, q.Length, nameof(p), nameof(q));
        double d = 0;
        for (int k = 0; k < p.Length; k++)
            if (p[k] != 0) d += p[k] * Math.Log(p[k] / q[k]);
        return d;
    }

    /// <summary>The gradient with respect to Q (the model distribution), as when KL is a training loss.</summary>
    public static double[] Gradient(double[] p, double[] q)
    {
        LossInputs.SameLength(p.Length, q.Length, nameof(p), nameof(q));
        var g = new double[p.Length];
        for (int k = 0; k < g.Length; k++) g[k] = -p[k] / q[k];
        return g;
    }
}
