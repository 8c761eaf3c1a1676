namespace DlCourse.Optimization;

/// <summary>Why training ended.</summary>
public enum StopReason { Completed, EarlyStopping, TimeBudget, Cancelled }
