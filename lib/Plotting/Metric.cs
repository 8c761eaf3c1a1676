using DlCourse.Optimization;

namespace DlCourse.Plotting;

/// <summary>A per-epoch quantity recorded in a <see cref="TrainingHistory"/>.</summary>
public enum Metric { TrainLoss, ValidationLoss, TrainAccuracy, ValidationAccuracy }
