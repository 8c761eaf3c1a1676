using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>One mini-batch: images N×C×H×W (float32) and labels N (int64), on the loader's device; dispose after use.</summary>
public sealed record Batch(Tensor Images, Tensor Labels) : IDisposable
{
    public int Count => (int)Labels.shape[0];

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
