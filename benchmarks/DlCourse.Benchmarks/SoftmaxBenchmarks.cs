using BenchmarkDotNet.Attributes;
using DlCourse.Numerics;
using TorchSharp;

namespace DlCourse.Benchmarks;

/// <summary>Softmax of one million float logits: the library's max-shifted kernel (baseline) against the unshifted one and libtorch.</summary>
[MemoryDiagnoser]
public class SoftmaxBenchmarks
{
    private const int Length = 1_000_000;
    private float[] logits = [];
    private float[] destination = [];
    private torch.Tensor logitsTensor = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        // Moderate logits so that the naive version stays finite and all three compute the same thing.
        logits = Enumerable.Range(0, Length).Select(_ => (float)(rng.NextDouble() * 10 - 5)).ToArray();
        destination = new float[Length];
        logitsTensor = torch.tensor(logits);
    }

    [GlobalCleanup]
    public void Cleanup() => logitsTensor.Dispose();

    [Benchmark(Baseline = true)]
    public float Stable()
    {
        StableSoftmax.Apply<float>(logits, destination);
        return destination[0];
    }

    [Benchmark]
    public float Naive()
    {
        NaiveSoftmax.Apply<float>(logits, destination);
        return destination[0];
    }

    [Benchmark]
    public float TorchSharp()
    {
        using var result = torch.nn.functional.softmax(logitsTensor, 0);
        return result[0].item<float>();
    }
}
