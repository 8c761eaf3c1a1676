using System.CommandLine;
using DlCourse.Cli.Grading;

namespace DlCourse.Cli.Commands;

/// <summary><c>--written autograder|manual</c>, the one shape <c>grade</c> and <c>gradescope</c> share (<see cref="WrittenGrading"/>).</summary>
internal static class WrittenOption
{
    public static Option<string> Create(WrittenGrading @default)
    {
        var option = new Option<string>("--written")
        {
            Description = "Written answers: autograder (counted in results.json, pending until `dlcourse review` scores them) or manual "
                          + "(graded by the staff as Gradescope's own questions; results.json counts the code tests only).",
            DefaultValueFactory = _ => Name(@default),
        };
        option.AcceptOnlyFromAmong(Name(WrittenGrading.Autograder), Name(WrittenGrading.Manual));
        return option;
    }

    public static WrittenGrading Parse(string value) => Enum.Parse<WrittenGrading>(value, ignoreCase: true);

    public static string Name(WrittenGrading written) => written.ToString().ToLowerInvariant();
}
