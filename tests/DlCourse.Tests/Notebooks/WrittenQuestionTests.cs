using System.Text.RegularExpressions;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Notebooks;

/// <summary>
/// Every graded written answer is asked: the markdown cell before it is its prompt (<c>"dlcourse": {"prompt": grade_id}</c>),
/// which states the question's points and, point by point, what earns them, in words that are neither the rubric's nor
/// the model answer's; release keeps it.
/// </summary>
public partial class WrittenQuestionTests
{
    public static TheoryData<string> Notebooks() =>
        [.. NotebookPaths.Expand([Repository.Notebooks]).Select(n => Path.GetRelativePath(Repository.Notebooks, n.Source))];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_graded_written_answer_follows_a_prompt_with_its_points_and_criteria(string relative)
    {
        var source = Notebook.Load(Path.Combine(Repository.Notebooks, relative));
        var released = Releaser.Release(source, relative);
        foreach (var answer in source.Cells.Where(c => c.Kind == CellKind.Markdown && GradingCell.Of(c).IsWrittenAnswer))
        {
            var role = GradingCell.Of(answer);
            var where = $"{relative}, {role.GradeId}";
            Assert.True(answer.Index > 0, $"{where}: the answer is the first cell");
            var prompt = source.Cells[answer.Index - 1];
            Assert.True(prompt.Kind == CellKind.Markdown && (string?)prompt.Metadata["dlcourse"]?["prompt"] == role.GradeId,
                $"{where}: the cell before the answer is not its prompt (a markdown cell with \"dlcourse\": {{\"prompt\": \"{role.GradeId}\"}})");

            var text = prompt.Source;
            Assert.True(text.Contains($"({Points(role.Points)})", StringComparison.Ordinal), $"{where}: the prompt does not state its {Points(role.Points)}:\n{text}");
            var criteria = Criterion().Matches(text).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.True(criteria.Count > 0 && criteria.Sum() == role.Points,
                $"{where}: the prompt's criteria (\"- … (n points)\" lines) add up to {criteria.Sum()}, not {role.Points}:\n{text}");

            // What earns the points, in the student's words: no line of the model answer or of the rubric.
            var prompted = Lines(text).ToHashSet(StringComparer.Ordinal);
            foreach (var line in Lines(answer.Source).Concat(Lines(GradingCell.Rubric(answer) ?? "")).Where(l => l.Length >= 25))
                Assert.False(prompted.Contains(line) || text.Contains(line, StringComparison.Ordinal), $"{where}: the prompt gives away \"{line}\"");

            Assert.Contains(released.Cells, c => c.Source == text); // release keeps the prompt
        }
    }

    private static string Points(double points) => points == 1 ? "1 point" : $"{points:0.##} points";

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.Trim().TrimStart('-', '*', ' ')).Where(l => l.Length > 0);

    // A criterion line: "- what earns it (2 points)".
    [GeneratedRegex(@"^\s*[-*] .+\((\d+(?:\.\d+)?) points?\)\s*$", RegexOptions.Multiline)]
    private static partial Regex Criterion();
}
