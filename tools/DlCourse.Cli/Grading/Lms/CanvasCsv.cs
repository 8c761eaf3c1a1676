using System.Globalization;
using System.Text;
using DlCourse.Cli.Grading.CsvFiles;

namespace DlCourse.Cli.Grading.Lms;

/// <summary>
/// Canvas's gradebook import, shaped as Canvas exports it: <c>Student,ID,SIS User ID,SIS Login ID,Section</c>, then one column
/// per assignment titled as in Canvas (a title Canvas lacks creates the assignment), a <c>Points Possible</c> row, one row per
/// student. Canvas finds a student by ID, else SIS User ID, else SIS Login ID, else name; a blank score changes nothing.
/// </summary>
internal static class CanvasCsv
{
    public static readonly string[] StudentColumns = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"];

    /// <summary>The first cell of the second row, as Canvas's own export writes it (the import looks for "Points Possible").</summary>
    public const string PointsPossible = "    Points Possible";

    public static string Write(LmsGradebook gradebook)
    {
        var sb = new StringBuilder();
        Csv.AppendRecord(sb, StudentColumns.Concat(gradebook.Assignments.Select(a => a.Title)).Select(f => Csv.Field(f)));
        Csv.AppendRecord(sb, new[] { PointsPossible, "", "", "", "" }.Concat(gradebook.Points.Select(p => p.ToString("0.##", CultureInfo.InvariantCulture))));
        foreach (var (who, scores) in gradebook.Rows)
            Csv.AppendRecord(sb, new[] { Csv.Field(who.Name, guardFormula: true), Csv.Field(who.CanvasId), Csv.Field(who.SisUserId), Csv.Field(who.SisLoginId), Csv.Field(who.Section) }
                .Concat(scores.Select(s => s ?? "")));
        return sb.ToString();
    }
}
