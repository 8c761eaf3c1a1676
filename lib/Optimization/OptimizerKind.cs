namespace DlCourse.Optimization;

/// <summary>The TorchSharp optimisers <see cref="DlCourse.Torch.TorchTrainer"/> offers: Adam, or SGD with (Nesterov-free) momentum.</summary>
public enum OptimizerKind { Adam, Sgd }
