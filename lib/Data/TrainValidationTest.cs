namespace DlCourse.Data;

/// <summary>
/// An image set's training part split at random into training and validation parts, with its test part kept whole;
/// the fast profile keeps only the first examples of the training and validation parts.
/// </summary>
public sealed record TrainValidationTest(Dataset Train, Dataset Validation, Dataset Test)
{
    /// <summary>
    /// Splits off <paramref name="validationFraction"/> of <paramref name="set"/>'s training part (as <see cref="Dataset.Split"/>
    /// with <paramref name="seed"/>); in the current profile's fast runs, the first <paramref name="fastTrain"/> and <paramref name="fastValidation"/> of each part.
    /// </summary>
    public static TrainValidationTest Of(ImageSet set, double validationFraction, int seed, int fastTrain, int fastValidation) =>
        Of(set, validationFraction, seed, fastTrain, fastValidation, Profile.Current);

    /// <summary>As <see cref="Of(ImageSet, double, int, int, int)"/>, for <paramref name="profile"/>: the full profile keeps both parts whole.</summary>
    public static TrainValidationTest Of(ImageSet set, double validationFraction, int seed, int fastTrain, int fastValidation, ProfileKind profile)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (fastTrain < 1) throw new ArgumentOutOfRangeException(nameof(fastTrain), fastTrain, "The fast profile needs at least one training example.");
        if (fastValidation < 1) throw new ArgumentOutOfRangeException(nameof(fastValidation), fastValidation, "The fast profile needs at least one validation example.");
        var (train, validation) = set.Train.Split(validationFraction, seed);
        return profile == ProfileKind.Full
            ? new TrainValidationTest(train, validation, set.Test)
            : new TrainValidationTest(train.Take(fastTrain), validation.Take(fastValidation), set.Test);
    }
}
