using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Numerics;

/// <summary>Shape checks shared by the losses, with messages that say which argument is wrong.</summary>
internal static class LossInputs
{
    internal static void SameLength(int predicted, int target, string predictedName = "predicted", string targetName = "target")
    {
        if (predicted == 0) throw new ArgumentException($"The {predictedName} values are empty; pass at least one sample.", predictedName);
        if (predicted != target)
            throw new ArgumentException($"{predictedName} has {predicted} values but {targetName} has {target}; pass one target per prediction.", targetName);
    }

    internal static void SameShape(Matrix<double> predicted, Matrix<double> target, string predictedName = "predicted", string targetName = "target")
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(target);
        if (predicted.RowCount == 0) throw new ArgumentException($"The {predictedName} matrix has no rows; pass at least one sample.", predictedName);
        if (predicted.RowCount != target.RowCount || predicted.ColumnCount != target.ColumnCount)
            throw new ArgumentException($"{predictedName} is {predicted.RowCount}×{predicted.ColumnCount} but {targetName} is {target.RowCount}×{target.ColumnCount}; they must match (rows = samples).", targetName);
    }

    internal static void Labels(int rows, int classes, int[] labels, string labelsName = "labels")
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (rows == 0) throw new ArgumentException("The matrix has no rows; pass at least one sample.");
        if (labels.Length != rows)
            throw new ArgumentException($"There are {rows} samples (rows) but {labels.Length} labels; pass one label per row.", labelsName);
        for (int i = 0; i < labels.Length; i++) Label(labels[i], classes, labelsName);
    }

    internal static void Label(int label, int classes, string labelName = "label")
    {
        if (label < 0 || label >= classes)
            throw new ArgumentOutOfRangeException(labelName, label, $"A class label must be in 0..{classes - 1} (there are {classes} classes).");
    }
}
