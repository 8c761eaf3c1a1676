using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

public class OverfittingVerdictTests
{
    // Rows 0 (before training), 1, …, T of (training loss, validation loss).
    private static TrainingHistory History(params (double Train, double Validation)[] rows)
    {
        var history = new TrainingHistory();
        for (int epoch = 0; epoch < rows.Length; epoch++) history.Add(epoch, rows[epoch].Train, validationLoss: rows[epoch].Validation);
        return history;
    }

    [Fact]
    public void A_validation_loss_still_falling_at_the_end_is_unfinished_training_as_A3_Q2_recorded_it()
    {
        // The full-profile record of A3 Q2: gap −0.0012 after epoch 1, 0.0260 after epoch 20, lowest at epoch 20.
        var rows = new List<(double, double)> { (2.3026, 2.3026), (0.5738, 0.5726) };
        for (int t = 2; t < 20; t++) rows.Add((0.55 - 0.008 * t, 0.56 - 0.007 * t));
        rows.Add((0.3885, 0.4145));
        var verdict = OverfittingVerdict.Of(History([.. rows]));

        Assert.Equal(-0.0012, verdict.FirstGap, 12);
        Assert.Equal(0.0260, verdict.LastGap, 12);
        Assert.Equal((20, 20), (verdict.BestEpoch, verdict.LastEpoch));
        Assert.False(verdict.TurnsUp);
        Assert.False(verdict.OverFits);
        Assert.Equal("no over-fitting: the gap grows from -0.0012 to 0.0260; the validation loss is still falling at the last epoch " +
                     "(lowest, 0.4145, at epoch 20 of 20): training is not finished", verdict.ToString());
    }

    [Fact]
    public void A_rise_after_the_lowest_no_larger_than_an_earlier_one_is_a_wobble_as_in_A3_Q2s_fast_run()
    {
        // Validation 1.4941 → 0.8142 → 0.9813 → 0.6103 → 0.7010: it rose by 0.1671 at epoch 3 and by 0.0907 after its lowest.
        var verdict = OverfittingVerdict.Of(History((2.3, 2.3), (1.3077, 1.4941), (0.7, 0.8142), (0.8, 0.9813), (0.5, 0.6103), (0.5736, 0.7010)));

        Assert.Equal((3, 0.9813 - 0.8142), verdict.LargestEarlierRise);
        Assert.False(verdict.TurnsUp);
        Assert.Equal("no over-fitting: the gap shrinks from 0.1864 to 0.1274; the validation loss ends 0.0907 above its lowest " +
                     "(0.6103 at epoch 4 of 5), no more than it rose at epoch 3 (+0.1671) before falling again: a wobble, not a turn", verdict.ToString());
    }

    [Fact]
    public void A_growing_gap_while_the_validation_loss_rises_at_every_epoch_after_its_lowest_is_over_fitting()
    {
        var verdict = OverfittingVerdict.Of(History((2, 2), (1.0, 1.1), (0.8, 0.9), (0.6, 0.95), (0.4, 1.0), (0.2, 1.2)));

        Assert.True(verdict.TurnsUp);
        Assert.True(verdict.OverFits);
        Assert.Equal("over-fitting: the gap grows from 0.1000 to 1.0000; the validation loss has risen for 3 epochs since its lowest (0.9000 at epoch 2)",
            verdict.ToString());
    }

    [Fact]
    public void One_epoch_of_rise_is_not_a_turn_and_a_larger_rise_than_before_is_still_called_a_wobble()
    {
        var oneEpoch = OverfittingVerdict.Of(History((2, 2), (1.0, 1.1), (0.8, 0.9), (0.6, 1.0)));
        Assert.False(oneEpoch.TurnsUp);
        Assert.Equal("no over-fitting: the gap grows from 0.1000 to 0.4000; the validation loss ends 0.1000 above its lowest " +
                     "(0.9000 at epoch 2 of 3), without rising at every epoch since: a wobble, not a turn", oneEpoch.ToString());

        // Up, down, up after the lowest: not at every epoch.
        var upAndDown = OverfittingVerdict.Of(History((2, 2), (1.0, 1.1), (0.8, 0.9), (0.6, 1.0), (0.5, 0.95), (0.4, 1.05)));
        Assert.False(upAndDown.TurnsUp);
        Assert.False(upAndDown.OverFits);
    }

    [Fact]
    public void Needs_a_validation_loss_and_a_trained_epoch()
    {
        var noValidation = new TrainingHistory();
        noValidation.Add(0, 1.0);
        noValidation.Add(1, 0.5);
        Assert.Throws<ArgumentException>(() => OverfittingVerdict.Of(noValidation));
        Assert.Throws<ArgumentException>(() => OverfittingVerdict.Of(History((1, 1))));
        var noRowZero = new TrainingHistory();
        noRowZero.Add(1, 1.0, validationLoss: 1.0);
        noRowZero.Add(2, 0.5, validationLoss: 0.6);
        Assert.Throws<ArgumentException>(() => OverfittingVerdict.Of(noRowZero));
        Assert.Throws<ArgumentNullException>(() => OverfittingVerdict.Of(null!));
    }
}
