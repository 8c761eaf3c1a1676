using System.Text;
using DlCourse.Cli.Commands;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.CsvFiles;
using DlCourse.Cli.Grading.Lms;
using DlCourse.Cli.Grading.Review;
using DlCourse.Tests.Grading.Late;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Grading.Lms;

/// <summary>
/// <c>export --gradebook</c> on the "written" fixture graded for three students with a late policy: the final scores (after
/// review and penalty) in the shape Canvas and Moodle import, names that need quoting, and pending answers left blank.
/// </summary>
public sealed class LmsGradebookTests : IAsyncLifetime, IDisposable
{
    private readonly GradingFixture fx = new("written");
    private string Roster => Path.Combine(fx.Root, "roster.csv");

    public async Task InitializeAsync()
    {
        foreach (var s in new[] { "jdoe", "cunal", "eve" }) fx.Student(s, WrittenAnswerGradingTests.Answers("Chain rule.", "It vanishes."));
        // jdoe one day late (10%), the others on time; the title needs quoting too.
        var files = new LateFiles(LateFiles.Penalty, """ "w1-written": { "due": "2026-10-12T23:59", "title": "W1, \"why\"" } """)
            .WithSubmitted("jdoe,w1-written,2026-10-13T10:00", "cunal,w1-written,2026-10-12T22:00", "eve,w1-written,2026-10-12T22:00");
        await new Grader(new StandInExecutor(), new GradeOptions(fx.Source, fx.Submissions, fx.Out, Jobs: 1, Late: files.Rules())).GradeAllAsync();
        var folder = GradesFolder.Open(fx.Out);
        foreach (var (student, derivative, saturation) in new[] { ("jdoe", 2.0, 1.0), ("cunal", 1.5, 3.0) })
        {
            folder.Save(student, GradingFixture.W1, WrittenAnswerGradingTests.Derivative, folder.Answer(student, GradingFixture.W1, WrittenAnswerGradingTests.Derivative)!.AnswerHash, derivative, "");
            folder.Save(student, GradingFixture.W1, WrittenAnswerGradingTests.Saturation, folder.Answer(student, GradingFixture.W1, WrittenAnswerGradingTests.Saturation)!.AnswerHash, saturation, "");
        }
        // eve's answers stay pending. Names with a comma, quotes, letters beyond ASCII, and one a spreadsheet would run.
        File.WriteAllText(Roster, """"
            student,name,canvas_id,sis_user_id,sis_login_id,section,email,id_number
            jdoe,"Doe, Jane ""JD""",1001,S-1,jdoe,"Sec 1, Mon",jane@example.edu,S-1
            cunal,"Ünal, Çağla",1002,S-2,cunal,Sec 2,cagla@example.edu,S-2
            eve,=HYPERLINK(1),1003,S-3,eve,Sec 2,eve@example.edu,S-3
            """", new UTF8Encoding(false));
        File.AppendAllText(Roster, "\n");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => fx.Dispose();

    private (int Code, string[] Lines, string Stdout, string Stderr) Export(LmsKind lms, string? roster)
    {
        var file = Path.Combine(fx.Root, $"{lms}.csv".ToLowerInvariant());
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = ExportCommand.Gradebook(lms, fx.Out, roster, file, stdout, stderr);
        var text = File.Exists(file) ? File.ReadAllText(file, Encoding.UTF8) : "";
        if (code != 2) Assert.Equal(0, text.Replace("\r\n", "").Count(c => c == '\n')); // RFC 4180 line breaks only
        return (code, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Canvas_gets_its_student_columns_a_points_possible_row_and_final_scores_with_pending_ones_left_blank()
    {
        var (code, lines, stdout, stderr) = Export(LmsKind.Canvas, Roster);

        Assert.Equal(1, code); // written, but a score was left out
        Assert.Equal([
            "Student,ID,SIS User ID,SIS Login ID,Section,\"W1, \"\"why\"\"\"",
            "    Points Possible,,,,,7",
            "\"Ünal, Çağla\",1002,S-2,cunal,Sec 2,6.5",          // 2 + 1.5 + 3, on time
            "'=HYPERLINK(1),1003,S-3,eve,Sec 2,",                 // pending: blank, which Canvas reads as "no change"
            "\"Doe, Jane \"\"JD\"\"\",1001,S-1,jdoe,\"Sec 1, Mon\",4.5", // (2 + 2 + 1) − 10% for one day late
        ], lines);
        Assert.Equal("warning: eve: w1-written left blank: 2 written answers pending review (dlcourse review --grades " + fx.Out + ").", stderr.Trim());
        Assert.Contains("3 students, 1 assignment, for Canvas); 1 left blank", stdout);
        Assert.Equal(CanvasCsv.StudentColumns, Csv.Parse(string.Join("\n", lines), "canvas.csv")[0].Fields.Take(5));
    }

    [Fact]
    public void Moodle_gets_an_identifier_column_per_user_field_and_one_column_per_grade_item()
    {
        var (code, lines, _, _) = Export(LmsKind.Moodle, Roster);

        Assert.Equal(1, code);
        Assert.Equal([
            "ID number,Email address,Full name,\"W1, \"\"why\"\"\"",
            "S-2,cagla@example.edu,\"Ünal, Çağla\",6.5",
            "S-3,eve@example.edu,'=HYPERLINK(1),",
            "S-1,jane@example.edu,\"Doe, Jane \"\"JD\"\"\",4.5",
        ], lines);
    }

    [Fact]
    public void Without_a_roster_the_student_folder_is_the_name_the_SIS_login_and_the_ID_number()
    {
        Assert.Equal("cunal,,,cunal,,6.5", Export(LmsKind.Canvas, null).Lines[2]);
        Assert.Equal("cunal,,cunal,6.5", Export(LmsKind.Moodle, null).Lines[1]);
    }

    [Fact]
    public void A_roster_without_a_graded_student_or_Moodle_rows_without_one_identifier_are_refused()
    {
        File.WriteAllText(Roster, "student,name,email\njdoe,Jane,jane@example.edu\ncunal,Cagla,\n");
        var (code, _, _, stderr) = Export(LmsKind.Canvas, Roster);
        Assert.Equal((2, "dlcourse export: roster.csv does not list eve, who was graded; add a line for them."), (code, stderr.Trim()));

        File.AppendAllText(Roster, "eve,Eve,eve@example.edu\n");
        (code, _, _, stderr) = Export(LmsKind.Moodle, Roster);
        Assert.Equal(2, code);
        Assert.StartsWith("dlcourse export: moodle matches every row by one column, but cunal has no ID number and cunal no email", stderr.Trim());
        Assert.False(File.Exists(Path.Combine(fx.Root, "moodle.csv")));
        Assert.Equal(1, Export(LmsKind.Canvas, Roster).Code); // written (eve pending): Canvas matches row by row, a blank ID is no hazard there
    }

    [Fact]
    public void Export_without_a_grades_folder_is_bad_input()
    {
        var (code, output) = Repository.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "dlcourse.dll"), "export", "--gradebook", "canvas", "--out", "grades.csv"]);
        Assert.True(code == 2, output);
        Assert.Equal("dlcourse export: --gradebook needs --grades DIR (what `dlcourse grade --out` wrote) and --out FILE.csv.", output.Trim());
    }
}
