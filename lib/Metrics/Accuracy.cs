namespace DlCourse.Metrics;

/// <summary>The fraction of samples whose predicted label equals the true label.</summary>
public static class Accuracy
{
    public static double Of(int[] truth, int[] predicted)
    {
        LabelInputs.Validate(truth, predicted);
        int correct = 0;
        for (int i = 0; i < truth.Length; i++) if (truth[i] == predicted[i]) correct++;
        return (double)correct / truth.Length;
    }
}
