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
        using var trainer = new TorchTrainer(model, options: new TrainingOptions
        {
            Epochs = 30, Progress = _ =>
            {
                liveTensors.Add(Tensor.TotalCount);
                workingSet.Add(Environment.WorkingSet);
            },
            Device = "cpu",
        });
        trainer.Fit(train, train);

        // After 40, 80 and 120 steps (with validation passes in between) the same number of tensors is alive. The
        // count is process-wide, so a tensor another test class drops may be finalized meanwhile: allow a few either
        // way, far fewer than the 20 epochs or 80 steps that a leak of one tensor per epoch or per step would add.
        Assert.InRange(liveTensors[19] - liveTensors[9], -4, 4);
        Assert.InRange(liveTensors[29] - liveTensors[9], -4, 4);
        // A leaked LeNet step would keep about 0.5 MB of activations alive: 100 steps would be 50 MB. The working set
        // is the whole process's (the JIT, the GC heap), which here has grown by up to 18 MB without a leak.
        Assert.True(workingSet[29] - workingSet[4] < 32 << 20, $"working set grew by {(workingSet[29] - workingSet[4]) >> 20} MB");
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
