using System.Globalization;
using System.Text.Json.Serialization;

namespace DlCourse.Optimization;

/// <summary>What one epoch did: mean training loss and accuracy, validation loss and accuracy (NaN without a validation set), rate and time.</summary>
public sealed record EpochResult(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationLoss, double ValidationAccuracy,
    double LearningRate, double Seconds, bool IsBest)
{
    /// <summary>Training minus validation accuracy, the over-fitting signal (NaN without validation).</summary>
    [JsonIgnore] public double AccuracyGap => TrainAccuracy - ValidationAccuracy;

    /// <summary>The compact progress line, e.g. "epoch 3  train 0.412/85.1%  val 0.455/83.9%  lr 1e-03  4.2 s  best".</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var validation = double.IsNaN(ValidationLoss) ? "" : string.Create(c, $"val {ValidationLoss:F4}/{ValidationAccuracy:P1}  ");
        return string.Create(c, $"epoch {Epoch,3}  train {TrainLoss:F4}/{TrainAccuracy:P1}  {validation}lr {LearningRate:0.##e+00}  {Seconds:F1} s{(IsBest ? "  best" : "")}");
    }
}
