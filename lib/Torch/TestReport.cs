using DlCourse.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>A model's results on a test set: accuracy, macro-averaged F1 and the confusion matrix (rows truth, columns predicted).</summary>
public sealed record TestReport(double Accuracy, double MacroF1, ConfusionMatrix Confusion, int[] Truth, int[] Predicted)
{
    public static TestReport From(int[] predicted, int[] truth, int classCount)
    {
        var confusion = ConfusionMatrix.From(predicted, truth, classCount);
        return new TestReport(Metrics.Accuracy.Of(predicted, truth), PrecisionRecallF1.Macro(predicted, truth, classCount).F1, confusion, truth, predicted);
    }

    /// <summary>Evaluates <paramref name="model"/> on <paramref name="test"/>; classes default to the model's head (or the labels seen).</summary>
    public static TestReport Of(nn.Module<Tensor, Tensor> model, ImageBatches test, int? classCount = null)
    {
        var classes = classCount ?? (model is ImageClassifier classifier ? classifier.Classes : Math.Max(test.ClassCount, 1));
        return From(Inference.Predict(model, test), test.Labels.ToArray(), classes);
    }

    public override string ToString() => $"accuracy {Accuracy:P2}, macro F1 {MacroF1:F4} on {Truth.Length} images";

    /// <summary>The pattern that reads <see cref="ToString"/> back from a record with <see cref="RecordedFields"/>: fields accuracy (in %), macroF1, images.</summary>
    public const string SummaryPattern = "accuracy {accuracy} %, macro F1 {macroF1} on {images} images";
}
