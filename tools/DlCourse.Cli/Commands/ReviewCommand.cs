using System.CommandLine;
using DlCourse.Cli.Grading.Review;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse review --grades DIR [--source DIR] [--port N]</c>: a local page for scoring written answers by hand.</summary>
public static class ReviewCommand
{
    public const int DefaultPort = 8765;

    public static Command Create()
    {
        var grades = new Option<string>("--grades") { Description = "The grades folder that `dlcourse grade --out` wrote.", Required = true };
        var source = new Option<string?>("--source") { Description = "Source notebooks to take model answers and rubrics from (default: the grades folder's questions.json)." };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to serve the page on.", DefaultValueFactory = _ => DefaultPort };
        var bind = new Option<string>("--bind") { Description = "Address to serve on; only 127.0.0.1 is allowed.", DefaultValueFactory = _ => ReviewServer.Loopback };
        var command = new Command("review", "Score written answers by hand in a local page; saves to <grades>/manual-scores.json and updates the results.")
            { grades, source, port, bind };
        command.SetAction(async (r, cancellation) =>
        {
            try { return await RunAsync(r.GetValue(grades)!, r.GetValue(source), r.GetValue(port), r.GetValue(bind)!, cancellation); }
            catch (ReviewException e)
            {
                return Exit.Refuse("review", e.Message);
            }
        });
        return command;
    }

    /// <summary>Serves the page until <paramref name="cancellation"/> (Ctrl-C); every score is already saved when it is stopped.</summary>
    public static async Task<int> RunAsync(string grades, string? source, int port, string bind, CancellationToken cancellation)
    {
        var folder = GradesFolder.Open(grades, source);
        await using var server = ReviewServer.Start(folder, port, bind);
        var answers = folder.Students.SelectMany(s => s.Result.Questions).SelectMany(q => q.Written).ToList();
        Console.WriteLine($"review: {folder.Index.Written.Count} written questions, {answers.Count(a => a.Pending)} of {answers.Count} answers pending.");
        if (server.AssetsNote is { } note) Console.WriteLine($"review: math is shown as TeX: {note}");
        Console.WriteLine($"review: open {server.Url} (Ctrl-C to stop; scores are saved as you go).");
        try { await Task.Delay(Timeout.Infinite, cancellation); }
        catch (OperationCanceledException) { }
        return Exit.Ok;
    }
}
