using DlCourse.Optimization;
using DlCourse.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Tests.Torch;

[Collection("Torch")]
public sealed class TrainerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dlcourse-trainer-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static TrainingOptions Quiet(int epochs) => new() { Epochs = epochs, Progress = _ => { }, Device = "cpu", Seed = 7 };

    private static TorchTrainer Trainer(nn.Module<Tensor, Tensor> model, TrainingOptions options, double rate = 3e-3) => new(model, new Adam(rate), options);

    private static LeNet5 NewModel()
    {
        TorchDevice.Seed(11);
        return new LeNet5(ImageShape.Gray28, classes: 3);
    }

    [Fact]
    public void A_short_run_lowers_the_loss_well_below_chance()
    {
        var train = TorchTestData.Batches(192, ImageShape.Gray28, 3, seed: 1);
        var validation = TorchTestData.Batches(96, ImageShape.Gray28, 3, seed: 2, shuffle: false);
        using var model = NewModel();
        using var trainer = Trainer(model, Quiet(3));
        var (before, _) = trainer.Validate(validation);
        var log = trainer.Fit(train, validation);

        Assert.InRange(before, Math.Log(3) - 0.3, Math.Log(3) + 0.3); // an untrained net is near chance, ln 3
        // Row 0 is the untrained network, as in the course's own trainer; then one row per epoch.
        Assert.Equal([0, 1, 2, 3], log.Epochs.Select(e => e.Epoch));
        Assert.Equal(before, log.Epochs[0].ValidationLoss, 6);
        Assert.Equal(3, log.Trained.Count);
        Assert.True(log.Epochs[^1].ValidationLoss < 0.5 * before, $"validation loss {before:F3} → {log.Epochs[^1].ValidationLoss:F3}");
        Assert.True(log.Epochs[^1].ValidationAccuracy > 0.9, $"validation accuracy {log.Epochs[^1].ValidationAccuracy:P1}");
        Assert.Equal(StopReason.Completed, log.StopReason);
    }

    [Fact]
    public void TorchDevice_Seed_alone_fixes_initialisation_order_augmentation_and_dropout()
    {
        var (images, labels) = TorchTestData.Patches(64, ImageShape.Gray28, 3, seed: 4);
        var train = new ImageBatches(images, labels, ImageShape.Gray28, 16, shuffle: true, augmentation: Augmentation.CropAndFlip, device: CPU);
        float[] Run(long seed)
        {
            TorchDevice.Seed(seed);
            using var model = new AlexNet(ImageShape.Gray28, 3); // dropout
            using var trainer = Trainer(model, Quiet(2) with { Seed = null });
            trainer.Fit(train);
            return model.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();
        }
        Assert.Equal(Run(3), Run(3));
        Assert.NotEqual(Run(3), Run(4));
    }

    [Fact]
    public void Batch_size_shuffling_and_step_records_mean_what_they_mean_for_the_course_trainer()
    {
        var train = TorchTestData.Batches(64, ImageShape.Gray28, 3, seed: 1); // batches of 32 as made
        using var model = NewModel();
        using var trainer = Trainer(model, Quiet(2) with { BatchSize = 16, Shuffle = false, RecordSteps = true });
        var log = trainer.Fit(train);
        Assert.Equal(2 * 4, log.StepLoss.Count); // 64 images in batches of 16, for 2 epochs
        Assert.Equal(Enumerable.Range(1, 8).Select(i => 16L * i), log.StepExamples);
        Assert.Equal(1 + 8, log.Trajectory.Count); // the start, then after every step
        var parameterCount = model.parameters().Sum(p => p.numel());
        Assert.All(log.Trajectory, snapshot => Assert.Equal(parameterCount, snapshot.Length));
        Assert.Equal(model.parameters().SelectMany(p => p.data<float>().ToArray()), log.Trajectory[^1]);
        Assert.All(log.StepLoss, loss => Assert.True(double.IsFinite(loss)));
    }

    [Fact]
    public void Settings_it_cannot_honour_are_refused()
    {
        using var model = NewModel();
        Assert.Contains("Unknown device 'gpu'", Assert.Throws<ArgumentException>(() => Trainer(model, Quiet(1) with { Device = "gpu" })).Message);
        var rule = new StepRule("mine", 0.1, (theta, g, eta, t) => { });
        Assert.Contains("TorchSharp's own version", Assert.Throws<ArgumentException>(() => new TorchTrainer(model, rule, Quiet(1))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Trainer(model, Quiet(0)));
    }

    [Fact]
    public void The_course_s_optimizers_run_as_TorchSharp_s_with_their_hyper_parameters()
    {
        var train = TorchTestData.Batches(64, ImageShape.Gray28, 3, seed: 1);
        float[] Run(IOptimizer optimizer)
        {
            using var model = NewModel();
            using var trainer = new TorchTrainer(model, optimizer, Quiet(1) with { Shuffle = false });
            trainer.Fit(train);
            return model.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();
        }
        float[] Raw(Func<IEnumerable<TorchSharp.Modules.Parameter>, TorchSharp.Modules.OptimizerHelper> create)
        {
            using var model = NewModel();
            model.to(CPU);
            using var optimizer = create(model.parameters());
            model.train();
            manual_seed(Seeds.For(7, 0));
            foreach (var batch in train.With(shuffle: false).Epoch(0, 7))
                using (batch)
                {
                    optimizer.zero_grad();
                    nn.functional.cross_entropy(model.call(batch.Images), batch.Labels).backward();
                    optimizer.step();
                }
            return model.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();
        }
        Assert.Equal(Raw(p => optim.Adam(p, 3e-3, beta1: 0.8, beta2: 0.99, eps: 1e-6)), Run(new Adam(3e-3, 0.8, 0.99, 1e-6)));
        Assert.Equal(Raw(p => optim.SGD(p, 0.05, momentum: 0.5, nesterov: true)), Run(new Nesterov(0.05, 0.5)));
        Assert.Equal(Raw(p => optim.RMSProp(p, 1e-3, alpha: 0.8, eps: 1e-6)), Run(new RmsProp(1e-3, 0.8, 1e-6)));
        Assert.NotEqual(Run(new Adam(3e-3)), Run(new Adam(1e-3)));
    }

    [Fact]
    public void Sgd_with_a_step_schedule_sets_the_rate_per_epoch()
    {
        var train = TorchTestData.Batches(64, ImageShape.Gray28, 3, seed: 1);
        using var model = NewModel();
        using var trainer = new TorchTrainer(model, new Momentum(0.1), Quiet(4) with { Schedule = LearningRateSchedules.Step(0.1, 0.5, every: 2) });
        var log = trainer.Fit(train);
        Assert.Equal(new[] { 0.1, 0.1, 0.05, 0.05 }, log.Trained.Select(e => e.LearningRate));
    }

    [Fact]
    public void Saved_checkpoint_loads_into_a_fresh_model_with_identical_outputs()
    {
        var train = TorchTestData.Batches(64, ImageShape.Gray28, 3, seed: 1);
        using var model = NewModel();
        using (var trainer = Trainer(model, Quiet(1))) trainer.Fit(train);
        var path = Path.Combine(folder, "model.ckpt");
        Checkpoint.Save(path, model);

        TorchDevice.Seed(99); // different initial weights, all overwritten by the load
        using var copy = new LeNet5(ImageShape.Gray28, classes: 3);
        var info = Checkpoint.Load(path, copy);
        model.eval(); copy.eval();
        using var x = randn(5, 1, 28, 28);
        using var expected = model.call(x);
        using var actual = copy.call(x);
        Assert.Equal("LeNet5", info.Model);
        Assert.True(expected.allclose(actual, 0, 0), "outputs differ after load");
        Assert.Empty(Directory.GetFiles(folder, "*.tmp")); // written through a temporary file that is gone
    }

    [Fact]
    public void Loading_into_another_architecture_says_so()
    {
        var path = Path.Combine(folder, "lenet.ckpt");
        using (var model = NewModel()) Checkpoint.Save(path, model);
        using var other = new Mlp(ImageShape.Gray28, [8], 3);
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, other));
        Assert.Contains("LeNet5", error.Message);
        Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(Path.Combine(folder, "missing.ckpt"), other));
        var truncated = Path.Combine(folder, "truncated.ckpt");
        File.WriteAllBytes(truncated, File.ReadAllBytes(path)[..30]);
        Assert.Throws<InvalidDataException>(() => Checkpoint.ReadInfo(truncated));
    }

    [Fact]
    public void Resuming_from_a_checkpoint_gives_the_same_weights_as_an_uninterrupted_run()
    {
        // Shuffling, augmentation, dropout (AlexNet) and Adam's moments must all continue exactly.
        var (images, labels) = TorchTestData.Patches(96, ImageShape.Gray28, 3, seed: 4);
        var train = new ImageBatches(images, labels, ImageShape.Gray28, 32, shuffle: true, augmentation: Augmentation.CropAndFlip, device: CPU);
        var options = Quiet(4) with { CheckpointDirectory = folder, RestoreBest = false };

        TorchDevice.Seed(5);
        using var straight = new AlexNet(ImageShape.Gray28, 3);
        using (var trainer = Trainer(straight, options with { CheckpointDirectory = null })) trainer.Fit(train);

        TorchDevice.Seed(5);
        using var first = new AlexNet(ImageShape.Gray28, 3);
        using (var trainer = Trainer(first, options with { Epochs = 2 })) trainer.Fit(train);

        TorchDevice.Seed(123);
        using var resumed = new AlexNet(ImageShape.Gray28, 3);
        using var resumedTrainer = Trainer(resumed, options);
        resumedTrainer.Resume(Path.Combine(folder, TorchTrainer.LastFile));
        Assert.Equal(2, resumedTrainer.History.LastEpoch);
        var log = resumedTrainer.Fit(train);

        Assert.Equal([0, 1, 2, 3, 4], log.Epochs.Select(e => e.Epoch));
        foreach (var (a, b) in straight.parameters().Zip(resumed.parameters()))
            Assert.True(a.allclose(b, 0, 0), "resumed weights differ from the uninterrupted run");
    }

    [Fact]
    public void Best_checkpoint_holds_the_epoch_with_the_lowest_validation_loss_and_is_restored()
    {
        var train = TorchTestData.Batches(96, ImageShape.Gray28, 3, seed: 1);
        var validation = TorchTestData.Batches(48, ImageShape.Gray28, 3, seed: 2, shuffle: false);
        using var model = NewModel();
        // A rate this large makes the validation loss jump around, so the best epoch is usually not the last.
        using var trainer = Trainer(model, Quiet(5) with { CheckpointDirectory = folder }, rate: 0.05);
        var log = trainer.Fit(train, validation);

        var best = log.Epochs.MinBy(e => e.ValidationLoss)!;
        Assert.Equal(best.Epoch, log.BestEpoch);
        Assert.Equal(best.Epoch, Checkpoint.ReadInfo(Path.Combine(folder, TorchTrainer.BestFile)).EpochsDone);
        Assert.Equal(best.ValidationLoss, trainer.Validate(validation).Loss, 4); // the model now holds the best weights
    }

    [Fact]
    public void Early_stopping_ends_after_patience_epochs_without_improvement()
    {
        var train = TorchTestData.Batches(64, ImageShape.Gray28, 3, seed: 1);
        using var model = NewModel();
        // A zero rate never improves on the untrained network (row 0), so patience 2 stops after epoch 2.
        using var trainer = Trainer(model, Quiet(10) with { Patience = 2 }, rate: 0);
        var log = trainer.Fit(train, train.With(shuffle: false));
        Assert.Equal(StopReason.EarlyStopping, log.StopReason);
        Assert.Equal(2, log.LastEpoch);
        Assert.Equal(0, log.BestEpoch);
    }

    [Fact]
    public void A_cancelled_run_stops_and_says_so()
    {
        var train = TorchTestData.Batches(64, ImageShape.Gray28, 3, seed: 1);
        using var model = NewModel();
        using var cancellation = new CancellationTokenSource();
        using var trainer = Trainer(model, Quiet(10) with { Progress = e => { if (e.Epoch == 2) cancellation.Cancel(); } });
        var log = trainer.Fit(train, cancellation: cancellation.Token);
        Assert.Equal(StopReason.Cancelled, log.StopReason);
        Assert.Equal(2, log.LastEpoch);
    }

    [Fact]
    public void A_time_budget_stops_before_an_epoch_that_would_overrun()
    {
        var train = TorchTestData.Batches(64, ImageShape.Gray28, 3, seed: 1);
        using var model = NewModel();
        using var trainer = Trainer(model, Quiet(10) with { TimeBudget = TimeSpan.Zero });
        var log = trainer.Fit(train);
        Assert.Equal(StopReason.TimeBudget, log.StopReason);
        Assert.Equal(1, log.LastEpoch); // the first epoch always runs, so that there is something to report
    }

    [Fact]
    public void Predictions_follow_the_stored_order()
    {
        var data = TorchTestData.Batches(70, ImageShape.Gray28, 3, seed: 1, batchSize: 32);
        using var model = NewModel();
        using var trainer = Trainer(model, Quiet(1));
        var predicted = trainer.Predict(data);
        model.eval();
        using var batch = data.With(shuffle: false).Epoch().First();
        using var first = model.call(batch.Images).argmax(1);
        Assert.Equal(70, predicted.Length);
        Assert.Equal(first.data<long>().Select(v => (int)v), predicted.Take(32));
    }

    [Fact]
    public void Test_report_agrees_with_the_accuracy_computed_in_libtorch()
    {
        var train = TorchTestData.Batches(96, ImageShape.Gray28, 3, seed: 1);
        var test = TorchTestData.Batches(60, ImageShape.Gray28, 3, seed: 3, shuffle: false);
        using var model = NewModel();
        using var trainer = Trainer(model, Quiet(1));
        trainer.Fit(train);
        var report = trainer.Evaluate(test);
        var (_, accuracy) = trainer.Validate(test); // argmax == label counted by libtorch, not by DlCourse.Metrics
        Assert.Equal(accuracy, report.Accuracy, 12);
        Assert.Equal(60, report.Confusion.Total);
        Assert.Equal(3, report.Confusion.ClassCount);
        Assert.InRange(report.MacroF1, 0, 1);
    }
}
