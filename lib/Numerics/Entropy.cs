namespace DlCourse.Numerics;

/// <summary>H(P) = −Σ_k p_k log p_k (natural log, in nats; 0·log 0 = 0).</summary>
public static class Entropy
{
    public static double Value(double[] p)
    {
        if (p.Length == 0) throw new ArgumentException("The distribution is empty; pass at least one probability.", nameof(p));
        double h = 0;
        foreach (var pk in p)
            if (pk != 0) h -= pk * Math.Log(pk);
        return h;
    }
}
