using DlCourse.Metrics;

namespace DlCourse.Tests.Metrics;

public class MetricsTests
{
    // Hand-worked example, 3 classes, 8 samples.
    private static readonly int[] Truth = [0, 0, 0, 1, 1, 2, 2, 2];
    private static readonly int[] Predicted = [0, 1, 0, 1, 2, 2, 2, 0];

    [Fact]
    public void Accuracy_counts_matches()
    {
        Assert.Equal(5.0 / 8, Accuracy.Of(Predicted, Truth));
        Assert.Equal(1.0, Accuracy.Of([1, 2], [1, 2]));
    }

    [Fact]
    public void Confusion_matrix_has_truth_rows_and_predicted_columns()
    {
        var cm = ConfusionMatrix.From(Predicted, Truth, 3);
        int[,] expected = { { 2, 1, 0 }, { 0, 1, 1 }, { 1, 0, 2 } };
        Assert.Equal(expected, cm.ToArray());
        Assert.Equal(8, cm.Total);
        Assert.Equal(1, cm[2, 0]);
        Assert.Equal(1, cm.FalsePositives(0)); // a 2 predicted as 0
        Assert.Equal(1, cm.FalseNegatives(0)); // a 0 predicted as 1
    }

    [Fact]
    public void Most_frequent_errors_are_the_largest_off_diagonal_counts_ties_in_row_major_order()
    {
        // Off-diagonal counts: (1, 0) 3, (0, 2) 2, (2, 1) 2, (0, 1) 1; the diagonal (2, 2) = 4 is not an error.
        var cm = ConfusionMatrix.From(predicted: [0, 0, 0, 2, 2, 1, 1, 1, 2, 2, 2, 2, 1, 0, 1], truth: [1, 1, 1, 0, 0, 2, 2, 0, 2, 2, 2, 2, 1, 0, 1], 3);
        Assert.Equal(new[] { (1, 0, 3), (0, 2, 2), (2, 1, 2) }, cm.MostFrequentErrors(3));
        Assert.Equal((0, 1, 1), cm.MostFrequentErrors(6)[3]);
        Assert.Equal(6, cm.MostFrequentErrors(10).Count);   // K(K − 1) off-diagonal cells
        Assert.Empty(cm.MostFrequentErrors(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => cm.MostFrequentErrors(-1));
    }

    [Fact]
    public void Confusion_matrix_counts_errors_overall_within_a_group_and_most_frequent_first()
    {
        var cm = ConfusionMatrix.From(Predicted, Truth, 3); // { { 2, 1, 0 }, { 0, 1, 1 }, { 1, 0, 2 } }
        Assert.Equal(3, cm.Errors);
        Assert.Equal(1, cm.ErrorsAmong([0, 1]));     // the 0 taken for a 1
        Assert.Equal(1, cm.ErrorsAmong([0, 2]));     // the 2 taken for a 0: both directions count
        Assert.Equal(3, cm.ErrorsAmong([2, 1, 0]));
        Assert.Equal(0, cm.ErrorsAmong([1]));
        // Three off-diagonal cells hold one error each: row-major order among the tie, then the empty cells.
        Assert.Equal([(0, 1, 1), (1, 2, 1), (2, 0, 1), (0, 2, 0)], cm.MostFrequentErrors().Take(4));
        Assert.Equal(6, cm.MostFrequentErrors().Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => cm.ErrorsAmong([0, 3]));
    }

    [Fact]
    public void Confusion_matrix_displays_as_a_table_with_the_counts_in_place()
    {
        var html = ConfusionMatrixDisplay.Html(ConfusionMatrix.From(Predicted, Truth, 3));
        Assert.Contains("<tr><th>0</th><td><b>2</b></td><td>1</td><td>0</td></tr>", html);
        Assert.Contains("<tr><th>2</th><td>1</td><td>0</td><td><b>2</b></td></tr>", html);
    }

    [Fact]
    public void Binary_precision_recall_f1_for_a_positive_class()
    {
        // Class 2: TP = 2, FP = 1 (a 1 predicted as 2), FN = 1 (a 2 predicted as 0).
        var s = PrecisionRecallF1.ForClass(Predicted, Truth, positiveClass: 2);
        Assert.Equal(2.0 / 3, s.Precision, 15);
        Assert.Equal(2.0 / 3, s.Recall, 15);
        Assert.Equal(2.0 / 3, s.F1, 15);

        var b = PrecisionRecallF1.ForClass([1, 0, 0, 1, 1], [1, 1, 0, 0, 1], 1);
        Assert.Equal(2.0 / 3, b.Precision, 15);
        Assert.Equal(2.0 / 3, b.Recall, 15);
        var c = PrecisionRecallF1.ForClass([1, 0, 0, 0], [1, 1, 1, 0], 1);
        Assert.Equal(1.0, c.Precision);
        Assert.Equal(1.0 / 3, c.Recall, 15);
        Assert.Equal(0.5, c.F1, 15);
    }

    [Fact]
    public void Macro_average_is_the_mean_of_per_class_scores()
    {
        // Per class (P, R): 0 → (2/3, 2/3), 1 → (1/2, 1/2), 2 → (2/3, 2/3).
        var m = PrecisionRecallF1.Macro(Predicted, Truth, 3);
        double mean = (2.0 / 3 + 0.5 + 2.0 / 3) / 3;
        Assert.Equal(mean, m.Precision, 15);
        Assert.Equal(mean, m.Recall, 15);
        Assert.Equal(mean, m.F1, 15);
    }

    [Fact]
    public void A_class_never_predicted_has_zero_precision_not_nan()
    {
        var s = PrecisionRecallF1.ForClass([0, 0], [1, 0], 1);
        Assert.Equal(new PrecisionRecallF1(0, 0, 0), s);
    }

    [Fact]
    public void Bad_input_gives_clear_errors()
    {
        var e = Assert.Throws<ArgumentException>(() => Accuracy.Of([0, 1], [0]));
        Assert.Contains("one prediction per sample", e.Message);
        e = Assert.Throws<ArgumentException>(() => ConfusionMatrix.From([0, 3], [0, 1], 3));
        Assert.Contains("0..2", e.Message);
        Assert.Throws<ArgumentException>(() => PrecisionRecallF1.Macro([0, 1], [0, -1], 2));
    }
}
