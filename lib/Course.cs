using DlCourse.Plotting;

namespace DlCourse;

/// <summary>Entry point called by <c>notebooks/course.csx</c>: sets up display and says which profile runs.</summary>
public static class Course
{
    public static string Start()
    {
        ChartDisplay.Register();
        Derivations.DerivativeCheckDisplay.Register();
        Metrics.ConfusionMatrixDisplay.Register();
        UpstreamFailures.Register();
        var ready = $"DlCourse ready: profile {Profile.Current.ToString().ToLowerInvariant()}";
        return Torch.TorchDevice.Preload() is { } problem ? ready + "\n" + problem : ready;
    }
}
