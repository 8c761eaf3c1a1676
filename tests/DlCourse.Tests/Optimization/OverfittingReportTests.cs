using DlCourse.Optimization;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Optimization;

/// <summary>In the "Profile" collection: one test writes a full-profile record.</summary>
[Collection("Profile")]
public class OverfittingReportTests
{
    // Rows 0 (before training) to 4 of (train loss, validation loss, validation accuracy).
    private static TrainingHistory History()
    {
        var history = new TrainingHistory();
        (double Train, double Validation, double Accuracy)[] rows =
            [(2.30, 2.30, 0.10), (0.90, 1.00, 0.60), (0.70, 0.80, 0.70), (0.60, 0.85, 0.65), (0.50, 0.70, 0.72)];
        for (int epoch = 0; epoch < rows.Length; epoch++)
            history.Add(epoch, rows[epoch].Train, validationLoss: rows[epoch].Validation, validationAccuracy: rows[epoch].Accuracy);
        return history;
    }

    [Fact]
    public void The_accuracy_changes_and_the_lines_read_the_history_epoch_by_epoch()
    {
        var report = OverfittingReport.Of(History());
        Assert.Equal([0.10, -0.05, 0.07], report.AccuracyChanges, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(0.10, report.LargestAccuracyChange, 12);
        Assert.Equal(OverfittingVerdict.Of(History()).ToString(), report.Verdict.ToString());
        var lines = report.ToString().Split(Environment.NewLine);
        Assert.Equal("validation loss per epoch: 1.0000 → 0.8000 → 0.8500 → 0.7000", lines[0]);
        Assert.Equal("validation − train loss: 0.1000 after epoch 1, 0.2000 after epoch 4; lowest validation loss at epoch 4", lines[1]);
        Assert.Equal($"validation accuracy per epoch: {0.6:P1} → {0.7:P1} → {0.65:P1} → {0.72:P1}", lines[2]);
        Assert.Equal($"largest change between epochs: {0.1:P1} (a fall at 1 of 3 epochs)", lines[3]);
        Assert.Equal("verdict: " + report.Verdict, lines[4]);
    }

    [Fact]
    public void The_record_gets_the_training_fields_in_order()
    {
        var folder = Repository.TempFolder("overfitting-report");
        var before = Profile.Current;
        try
        {
            Profile.Current = ProfileKind.Full;
            var record = OverfittingReport.Of(History()).AddTo(new RecordedResults("demo", folder).Add("data", "5 images"));
            record.SaveIfFull("cpu");
            var values = record.ReadValues();
            Assert.Equal(["data", "training", "final losses", "validation − train loss", "validation loss",
                "largest change of validation accuracy between epochs", "final validation accuracy"], values.Keys);
            Assert.Equal("4 epochs in 0.0 s", values["training"]);
            Assert.Equal("training 0.5000, validation 0.7000", values["final losses"]);
            Assert.Equal("1.0000 after epoch 1, lowest 0.7000 at epoch 4 of 4, 0.7000 at the end", values["validation loss"]);
        }
        finally { Profile.Current = before; }
    }

    [Fact]
    public void Needs_a_validation_loss()
    {
        var noValidation = new TrainingHistory();
        noValidation.Add(0, 1.0);
        noValidation.Add(1, 0.5);
        Assert.Throws<ArgumentException>(() => OverfittingReport.Of(noValidation));
        Assert.Throws<ArgumentNullException>(() => OverfittingReport.Of(History()).AddTo(null!));
    }
}
