using DlCourse.Optimization;
using Adam = DlCourse.Optimization.Adam; // TorchSharp.Modules has an Adam too
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>TorchSharp's implementation of a course optimizer, with its hyper-parameters: one way to say "Adam, η = 2·10⁻³" for both trainers.</summary>
internal static class TorchOptimizers
{
    public static OptimizerHelper Create(IOptimizer optimizer, IList<Parameter> parameters) => optimizer switch
    {
        Adam adam => optim.Adam(parameters, adam.LearningRate, beta1: adam.Beta1, beta2: adam.Beta2, eps: adam.Epsilon),
        GradientDescent plain => optim.SGD(parameters, plain.LearningRate),
        Momentum momentum => optim.SGD(parameters, momentum.LearningRate, momentum: momentum.Coefficient),
        Nesterov nesterov => optim.SGD(parameters, nesterov.LearningRate, momentum: nesterov.Coefficient, nesterov: true),
        RmsProp rms => optim.RMSProp(parameters, rms.LearningRate, alpha: rms.Decay, eps: rms.Epsilon),
        AdaGrad ada => optim.Adagrad(parameters, ada.LearningRate, eps: ada.Epsilon),
        _ => throw new ArgumentException(
            $"TorchTrainer runs TorchSharp's own version of the course's optimizers (Adam, GradientDescent, Momentum, Nesterov, RmsProp, AdaGrad), not {optimizer}.",
            nameof(optimizer)),
    };
}
