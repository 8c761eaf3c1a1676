using DlCourse.Data;
using DlCourse.Derivations;
using DlCourse.Models;
using DlCourse.Numerics;
using DlCourse.Optimization;

namespace DlCourse.Tests.Derivations;

public class LearningRateZigZagsTests
{
    private static readonly Dataset Data = Synthetic.Gaussians([(-1.0, -1.0), (1.0, 1.0)], perClass: 50, seed: 4, spread: 4.0);

    private static List<TrainingHistory> Runs(double[] rates) => rates.Select(eta =>
    {
        var model = new LogisticRegression(2);
        model.Parameters[1] = 0.1f;
        return Trainer.Fit(model, new GradientDescent(eta), Data, options: new TrainingOptions { Epochs = 40, RecordTrajectory = true }, name: $"η = {eta}");
    }).ToList();

    [Fact]
    public void Each_run_is_read_from_its_own_path_and_the_hessian()
    {
        double[] rates = [0.5, 0.01];
        var runs = Runs(rates);
        var loss = new LogisticModelLoss(LogisticLossKind.CrossEntropy, Data);
        var zigZags = LearningRateZigZags.Of(runs, rates, loss);

        double lowest = runs.SelectMany(r => r.TrainLoss).Min();
        Assert.Equal(lowest, zigZags.Lowest);
        for (int r = 0; r < 2; r++)
        {
            var path = runs[r].Trajectory;
            var z = zigZags.Runs[r];
            double LargestAt(float[] p) => new SymmetricEigen(loss.Hessian(p.Select(v => (double)v).ToArray())).Largest;
            Assert.Equal(rates[r] * LargestAt(path[0]), z.RateTimesLargestAtStart, 10);
            Assert.Equal(rates[r] * LargestAt(path[^1]), z.RateTimesLargestAtEnd, 10);
            // The boundary w₁x₁ + w₂x₂ + b = 0 as x₂ = −(w₁/w₂)x₁ − b/w₂.
            Assert.Equal(SequenceMoves.Reversals(path.Select(p => -p[0] / (double)p[1])), z.SlopeReversals);
            Assert.Equal(SequenceMoves.Reversals(path.Select(p => -p[2] / (double)p[1])), z.InterceptReversals);
            int first = runs[r].TrainLoss.Select((l, t) => (l, t)).Where(x => x.l <= lowest + 1e-4).Select(x => (int?)x.t).FirstOrDefault() ?? -1;
            Assert.Equal(first < 0 ? null : first, z.StepsToLowest);
            Assert.Equal(runs[r].FinalTrainLoss, z.FinalLoss);
        }
        // A rate above 2/λ_max zig-zags across the steep direction; a small one does not.
        Assert.True(zigZags.Runs[0].RateTimesLargestAtStart > 2);
        Assert.True(zigZags.Runs[0].SteepestReversals > 0);
        Assert.Equal(0, zigZags.Runs[1].SteepestReversals);
        Assert.Contains("lowest NLL of all runs", zigZags.ToString());
    }

    [Fact]
    public void Arguments_are_validated()
    {
        var loss = new LogisticModelLoss(LogisticLossKind.CrossEntropy, Data);
        var runs = Runs([0.1]);
        Assert.Throws<ArgumentException>(() => LearningRateZigZags.Of(runs, [0.1, 0.2], loss));
        Assert.Throws<ArgumentException>(() => LearningRateZigZags.Of([new TrainingHistory()], [0.1], loss));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateZigZags.Of(runs, [0.1], loss, margin: 0));
    }
}
