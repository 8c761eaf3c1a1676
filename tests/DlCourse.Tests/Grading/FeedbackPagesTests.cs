using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Results;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Grading;

/// <summary>The failure path of the per-student notebook pages: a note on the feedback page, never a grading failure.</summary>
public class FeedbackPagesTests
{
    [Fact]
    public async Task An_executed_notebook_that_cannot_be_rendered_becomes_a_note_on_the_feedback_page()
    {
        var student = Repository.TempFolder("feedback-failure");
        File.WriteAllText(Path.Combine(student, "q1.ipynb"), "{ \"cells\": [");

        var pages = await FeedbackPages.WriteAsync(student, ["q1.ipynb"]);

        Assert.Empty(pages.Links);
        Assert.StartsWith("notebook pages not rendered: ", pages.Note);
        Assert.Contains("q1.ipynb", pages.Note);
        Assert.False(Directory.Exists(Path.Combine(student, FeedbackPages.Folder)));

        var question = new QuestionResult("q1.ipynb", 1, 2, [], []);
        var html = ResultsWriter.FeedbackHtml(new SubmissionResult("dana", 1, 2, [question], [], "fingerprint", 0.1), pages);
        Assert.Contains("notebook pages not rendered", html);
        Assert.DoesNotContain("href=\"feedback/", html);
    }
}
