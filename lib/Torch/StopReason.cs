namespace DlCourse.Torch;

/// <summary>Why training ended.</summary>
public enum StopReason { Completed, EarlyStopping, TimeBudget, Cancelled }
