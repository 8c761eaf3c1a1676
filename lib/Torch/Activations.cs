using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>Turns an <see cref="Activation"/> into its TorchSharp module.</summary>
public static class Activations
{
    public static nn.Module<Tensor, Tensor> Create(Activation activation) => activation switch
    {
        Activation.ReLU => nn.ReLU(),
        Activation.Tanh => nn.Tanh(),
        Activation.Sigmoid => nn.Sigmoid(),
        Activation.GELU => nn.GELU(),
        Activation.LeakyReLU => nn.LeakyReLU(0.01),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown activation"),
    };
}
