namespace DlCourse.Metrics;

/// <summary>Precision TP/(TP+FP), recall TP/(TP+FN) and F1 = 2PR/(P+R); a ratio with a zero denominator counts as 0 (as scikit-learn's default).</summary>
public sealed record PrecisionRecallF1(double Precision, double Recall, double F1)
{
    /// <summary>Binary scores treating <paramref name="positiveClass"/> as positive and every other label as negative.</summary>
    public static PrecisionRecallF1 ForClass(int[] predicted, int[] truth, int positiveClass)
    {
        LabelInputs.Validate(predicted, truth);
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            bool t = truth[i] == positiveClass, p = predicted[i] == positiveClass;
            if (t && p) tp++;
            else if (p) fp++;
            else if (t) fn++;
        }
        return FromCounts(tp, fp, fn);
    }

    /// <summary>The unweighted mean of the per-class precision, recall and F1 over classes 0..K−1 (macro average).</summary>
    public static PrecisionRecallF1 Macro(int[] predicted, int[] truth, int classCount)
    {
        var cm = ConfusionMatrix.From(predicted, truth, classCount);
        var perClass = Enumerable.Range(0, classCount)
            .Select(k => FromCounts(cm.TruePositives(k), cm.FalsePositives(k), cm.FalseNegatives(k))).ToList();
        return new PrecisionRecallF1(perClass.Average(s => s.Precision), perClass.Average(s => s.Recall), perClass.Average(s => s.F1));
    }

    public static PrecisionRecallF1 FromCounts(int truePositives, int falsePositives, int falseNegatives)
    {
        double precision = Ratio(truePositives, truePositives + falsePositives);
        double recall = Ratio(truePositives, truePositives + falseNegatives);
        return new PrecisionRecallF1(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
