using DlCourse.Derivations;
using DlCourse.Metrics;
using DlCourse.Plotting;
using DlCourse.Torch;

namespace DlCourse.Hosting;

/// <summary>Entry point called by <c>notebooks/course.csx</c>: sets up display and says which profile runs.</summary>
/// <remarks>
/// The composition root of a notebook host: it wires the other namespaces' displays into the kernel, so it sits in a
/// namespace of its own above them, which nothing else in the library uses (the root namespace <c>DlCourse</c> is the
/// base every other one uses).
/// </remarks>
public static class Course
{
    public static string Start()
    {
        ChartDisplay.Register();
        DerivativeCheckDisplay.Register();
        ConfusionMatrixDisplay.Register();
        UpstreamFailures.Register();
        if (Profile.IsFull) RecordedResults.NoteStart();
        var ready = $"DlCourse ready: profile {Profile.Current.ToString().ToLowerInvariant()}";
        return TorchDevice.Preload() is { } problem ? ready + "\n" + problem : ready;
    }
}
