namespace DlCourse.Derivations;

/// <summary>The per-sample loss ℓ(z, y) of a sigmoid output ŷ = σ(z): cross-entropy or squared error.</summary>
public enum LogisticLossKind { CrossEntropy, SquaredError }
