using System.Text;
using DlCourse.Cli.Grading.CsvFiles;

namespace DlCourse.Cli.Grading.Lms;

/// <summary>
/// Moodle's CSV grade import: <c>ID number,Email address,Full name</c>, then one column per grade item titled with the
/// assignment; on import, map from "ID number" to useridnumber (or "Email address" to useremail) and each assignment column
/// to its grade item. Moodle reads a blank score as "no grade", and a row it cannot match aborts the whole import.
/// </summary>
internal static class MoodleCsv
{
    public static readonly string[] StudentColumns = ["ID number", "Email address", "Full name"];

    /// <exception cref="InvalidDataException">Neither identifier is filled for every student: Moodle matches all rows by one column,
    /// and a row with that column blank would take the previous row's student.</exception>
    public static string Write(LmsGradebook gradebook)
    {
        var rows = gradebook.Rows;
        if (rows.FirstOrDefault(r => r.Who.IdNumber.Length == 0) is { } noId && rows.FirstOrDefault(r => r.Who.Email.Length == 0) is { } noEmail)
            throw new InvalidDataException($"moodle matches every row by one column, but {noId.Who.Student} has no ID number and {noEmail.Who.Student} no email; " +
                "fill id_number (or email) in the roster for every student.");
        var sb = new StringBuilder();
        Csv.AppendRecord(sb, StudentColumns.Concat(gradebook.Assignments.Select(a => a.Title)).Select(h => Csv.Field(h)));
        foreach (var row in rows)
            Csv.AppendRecord(sb, new[] { Csv.Field(row.Who.IdNumber), Csv.Field(row.Who.Email), Csv.Field(row.Who.Name, guardFormula: true) }
                .Concat(row.Scores.Select(s => s ?? "")));
        return sb.ToString();
    }
}
