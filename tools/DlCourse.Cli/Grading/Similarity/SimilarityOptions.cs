using System.Globalization;

namespace DlCourse.Cli.Grading.Similarity;

/// <summary>What <c>dlcourse similarity</c> compares and how strict it is; the constructor refuses settings that make no sense.</summary>
public sealed record SimilarityOptions
{
    /// <param name="source">Source notebooks (a notebook or a folder), as given to <c>grade</c>: they say which cells are answers and what was released.</param>
    /// <param name="submissions">One folder per student.</param>
    /// <param name="outDir">Where similarity.json and similarity.html are written.</param>
    public SimilarityOptions(string source, string submissions, string outDir)
    {
        Source = Required(source, "--source");
        Submissions = Required(submissions, "--submissions");
        Out = Required(outDir, "--out");
    }

    public string Source { get; }
    public string Submissions { get; }
    public string Out { get; }

    /// <summary>A pair is reported when this share of one answer's own text (rare text weighing more) lies in matching regions.</summary>
    public double MinScore { get; init => field = InRange(value, 0, 1, "--min-score"); } = 0.7;

    /// <summary>At most this many pairs per question, the highest scores first.</summary>
    public int Top { get; init => field = value >= 1 ? value : throw new ArgumentException("--top must be at least 1."); } = 100;

    /// <summary>A fingerprint in the answers of more than this share of the students who answered (and of more than <see cref="CommonMinimum"/>) is common code, not evidence.</summary>
    public double CommonFraction { get; init => field = InRange(value, 0, 1, "--common"); } = 0.1;

    /// <summary>A fingerprint shared by this many students or fewer is never common code, however small the class (MOSS's default, 10).</summary>
    public int CommonMinimum { get; init => field = value >= 2 ? value : throw new ArgumentException("at least 2 students must share a fingerprint before it can be common code."); } = 10;

    /// <summary>How code and written answers are cut into fingerprints.</summary>
    public FingerprintSettings Code { get; init; } = FingerprintSettings.Code;

    /// <inheritdoc cref="Code"/>
    public FingerprintSettings Written { get; init; } = FingerprintSettings.Written;

    /// <summary>Answers compared at once (each question's students are read and tokenised in parallel).</summary>
    public int Jobs { get; init => field = value >= 1 ? value : throw new ArgumentException("--jobs must be at least 1."); } = Environment.ProcessorCount;

    private static string Required(string value, string option) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{option} needs a path.") : value;

    private static double InRange(double value, double low, double high, string what) =>
        value >= low && value <= high ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{what} must lie between {low} and {high}, not {value}."));
}
