namespace DlCourse;

/// <summary>The hidden-unit non-linearities of the course, one name each for the classic models and TorchSharp.</summary>
public enum Activation { ReLU, Tanh, Sigmoid, GELU, LeakyReLU }
