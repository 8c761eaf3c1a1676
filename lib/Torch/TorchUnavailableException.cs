namespace DlCourse.Torch;

/// <summary>Thrown when TorchSharp's native libtorch cannot be loaded; the message says what to install.</summary>
public sealed class TorchUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
