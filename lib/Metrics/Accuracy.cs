namespace DlCourse.Metrics;

/// <summary>The fraction of samples whose predicted label equals the true label; predictions first, as in the losses.</summary>
public static class Accuracy
{
    public static double Of(int[] predicted, int[] truth)
    {
        LabelInputs.Validate(predicted, truth);
        int correct = 0;
        for (int i = 0; i < truth.Length; i++) if (truth[i] == predicted[i]) correct++;
        return (double)correct / truth.Length;
    }
}
