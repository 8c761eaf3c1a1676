using DlCourse.Optimization;
using DlCourse.Torch;
using static TorchSharp.torch;

namespace DlCourse.Tests.Torch;

[Collection("Torch")]
public class MemoryTests
{
    [Fact]
    public void Training_steps_release_their_tensors_so_memory_stays_flat()
    {
        FinalizeEarlierGarbage();
        var train = TorchTestData.Batches(64, ImageShape.Gray28, 3, seed: 1, batchSize: 16); // 4 steps per epoch
        TorchDevice.Seed(1);
        using var model = new LeNet5(ImageShape.Gray28, 3);
        var liveTensors = new List<long>();
        var workingSet = new List<long>();
        using var trainer = new TorchTrainer(model, new TrainingOptions
        {
            Epochs = 30, Progress = _ =>
            {
                liveTensors.Add(Tensor.TotalCount);
                workingSet.Add(Environment.WorkingSet);
            },
            Device = "cpu",
        });
        trainer.Fit(train, train);

        // After 40, 80 and 120 steps (with validation passes in between) the same number of tensors is alive.
        Assert.Equal(liveTensors[9], liveTensors[19]);
        Assert.Equal(liveTensors[19], liveTensors[29]);
        // A leaked LeNet step would keep about 0.5 MB of activations alive: 80 steps would be 40 MB.
        Assert.True(workingSet[29] - workingSet[9] < 16 << 20, $"working set grew by {(workingSet[29] - workingSet[9]) >> 20} MB");
    }

    [Fact]
    public void The_live_tensor_count_does_see_a_leak()
    {
        FinalizeEarlierGarbage();
        var before = Tensor.TotalCount;
        var leaked = zeros(3);
        Assert.Equal(before + 1, Tensor.TotalCount);
        leaked.Dispose();
        Assert.Equal(before, Tensor.TotalCount);
    }

    /// <summary>
    /// Tensors that earlier tests dropped without disposing are finalized (and uncounted) whenever the GC runs; flush
    /// them first so that they cannot change the count in the middle of a measurement.
    /// </summary>
    private static void FinalizeEarlierGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
