using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>A tensor's accumulated gradient, the same call on every TorchSharp version (0.100 made <c>grad</c> a property).</summary>
public static class Gradients
{
    /// <summary>∂L/∂t after <c>backward()</c>, or null when <paramref name="tensor"/> has none yet.</summary>
    public static Tensor? Of(Tensor tensor) =>
#if TORCHSHARP_GRAD_PROPERTY
        tensor.grad;
#else
        tensor.grad();
#endif
}
