using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Similarity;
using DlCourse.Cli.Notebooks;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Similarity;

/// <summary>A throwaway course of real course notebooks, and students who start from its release and fill in solution cells.</summary>
public sealed class SimilarityCourse : IDisposable
{
    public string Root { get; } = Repository.TempFolder("similarity");
    public string Source => Path.Combine(Root, "source");
    public string Submissions => Path.Combine(Root, "submissions");
    public string Out => Path.Combine(Root, "out");

    private readonly List<string> notebooks;

    /// <param name="notebooks">Paths under notebooks/, e.g. "a1-loss-functions/q5-softmax-jacobian.ipynb".</param>
    public SimilarityCourse(params string[] notebooks)
    {
        this.notebooks = [.. notebooks];
        foreach (var relative in notebooks)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Source, relative))!);
            File.Copy(Path.Combine(Repository.Notebooks, relative), Path.Combine(Source, relative));
        }
        Directory.CreateDirectory(Submissions);
    }

    /// <summary>A student whose notebooks are the released ones with <paramref name="answers"/> (by grade_id) filled in; other cells keep their stubs.</summary>
    public string Student(string name, IReadOnlyDictionary<string, string> answers)
    {
        foreach (var relative in notebooks)
        {
            var released = Releaser.Release(Notebook.Load(Path.Combine(Source, relative)), relative);
            foreach (var cell in released.Cells)
                if (GradingCell.Of(cell).GradeId is { } id && answers.TryGetValue(id, out var text)) cell.Source = text;
            released.Save(Path.Combine(Submissions, name, relative));
        }
        return name;
    }

    public SimilarityOptions Options => new(Source, Submissions, Out);

    /// <summary>The report, without writing it, with the options given (the defaults otherwise).</summary>
    public SimilarityReport Compare(SimilarityOptions? options = null) => SimilarityChecker.Compare(options ?? Options);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
