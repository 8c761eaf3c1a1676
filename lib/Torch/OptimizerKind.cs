namespace DlCourse.Torch;

/// <summary>The optimisers the trainer offers: Adam, or SGD with (Nesterov-free) momentum.</summary>
public enum OptimizerKind { Adam, Sgd }
