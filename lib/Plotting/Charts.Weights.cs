using DlCourse.Models;
using Plotly.NET;

namespace DlCourse.Plotting;

public static partial class Charts
{
    /// <summary>
    /// The weights of each class of a softmax classifier as a <paramref name="height"/> × <paramref name="width"/> image
    /// (red pushes towards the class, blue away from it), titled by <paramref name="classNames"/>.
    /// </summary>
    public static GenericChart ClassWeights(SoftmaxClassifier model, int height, int width, IReadOnlyList<string> classNames, string title)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(classNames);
        if (height * width != model.FeatureCount)
            throw new ArgumentException($"{height} × {width} images need {height * width} features, but the model has {model.FeatureCount}.", nameof(width));
        if (classNames.Count != model.ClassCount)
            throw new ArgumentException($"{classNames.Count} class names for {model.ClassCount} classes.", nameof(classNames));
        return ImageGrid(Enumerable.Range(0, model.ClassCount).Select(k => model.Weights(k).ToArray()).ToArray(), height, width, classNames, title);
    }
}
