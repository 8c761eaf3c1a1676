using System.Text.Json.Nodes;
using DlCourse.Cli.Export;
using DlCourse.Cli.Grading.Manual;
using DlCourse.Cli.Grading.Review;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DlCourse.Tests.Grading.Review;

/// <summary>The review page in the real Chromium, driven by keyboard: scores two students, restarts the server, finds the scores again and in the results.</summary>
[Collection(DlCourse.Tests.Support.LocalServers.Name)]
public class ReviewPageTests
{
    private const string Derivative = WrittenAnswerGradingTests.Derivative, Saturation = WrittenAnswerGradingTests.Saturation;

    [Fact]
    public async Task An_instructor_scores_answers_by_keyboard_and_the_scores_survive_a_restart_and_reach_the_results()
    {
        using var fx = await WrittenGrades.GradeAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            SetDefaultExpectTimeout(30_000);
            var problems = new List<string>();
            var port = WrittenGrades.FreePort();
            var page = await NewPageAsync(browser, port, problems);
            await using (var server = ReviewServer.Start(GradesFolder.Open(fx.Out), port))
            {
                await OpenAsync(page, server, problems);
                await Expect(page.Locator("#question")).ToContainTextAsync(Derivative);
                await Expect(page.Locator("#student")).ToHaveTextAsync("alice");
                await Expect(page.Locator("#state")).ToContainTextAsync("pending");
                await Expect(page.Locator("#pending")).ToContainTextAsync("4 pending");
                Assert.True(await page.Locator("#answer .katex").CountAsync() > 0, "the student's math is typeset");
                Assert.True(await page.Locator("#model .katex-display").CountAsync() > 0, "the model answer's display math is typeset");
                await Expect(page.Locator("#rubric")).ToContainTextAsync("RUBRIC-MARKER");
                await Expect(page.Locator("#max")).ToHaveTextAsync("2");

                await page.Keyboard.TypeAsync("1.5");
                await page.Keyboard.PressAsync("Tab");
                await page.Keyboard.TypeAsync("Chain rule, but say why.");
                await page.Keyboard.PressAsync("Enter");

                // Bob's answer is shown as text: his script, image handler and javascript: link do nothing.
                await Expect(page.Locator("#student")).ToHaveTextAsync("bob");
                await Expect(page.Locator("#answer")).ToContainTextAsync("<script>window.__injected = 1</script>");
                Assert.Equal(0, await page.Locator("#answer script, #answer img").CountAsync());
                Assert.Equal("#", await page.Locator("#answer a").GetAttributeAsync("href"));
                await page.Locator("#answer a").ClickAsync();
                Assert.True(await page.EvaluateAsync<bool>("() => window.__injected === undefined"));
                await page.Locator("#points").FocusAsync();

                await page.Keyboard.TypeAsync("9");
                await page.Keyboard.PressAsync("Enter");
                await Expect(page.Locator("#error")).ToContainTextAsync("from 0 to 2");
                await Expect(page.Locator("#student")).ToHaveTextAsync("bob");
                await page.Keyboard.PressAsync("Control+A");
                await page.Keyboard.TypeAsync("2");
                await page.Keyboard.PressAsync("Tab");
                await page.Keyboard.TypeAsync("Tried to inject script.");
                await page.Keyboard.PressAsync("Enter");

                // After the last student of a question comes the next question.
                await Expect(page.Locator("#question")).ToContainTextAsync(Saturation);
                await Expect(page.Locator("#student")).ToHaveTextAsync("alice");
                await page.Keyboard.TypeAsync("3");
                await page.Keyboard.PressAsync("Enter");
                await Expect(page.Locator("#student")).ToHaveTextAsync("bob");
                await Expect(page.Locator("#pending")).ToContainTextAsync("1 pending");

                await page.Keyboard.PressAsync("p");
                await Expect(page.Locator("#question")).ToContainTextAsync(Derivative);
                await Expect(page.Locator("#points")).ToHaveValueAsync("1.5");
            }

            Assert.Equal(3, ManualScores.Load(fx.Out).Count);
            // A restart is a new process in real use: a new port and a new browser context, so that no connection
            // the browser kept alive to the stopped listener is reused (in one CI run that left the page unloaded).
            port = WrittenGrades.FreePort();
            page = await NewPageAsync(browser, port, problems);
            await using (var server = ReviewServer.Start(GradesFolder.Open(fx.Out), port))
            {
                await OpenAsync(page, server, problems);
                // The page opens at the one answer still pending.
                await Expect(page.Locator("#question")).ToContainTextAsync(Saturation);
                await Expect(page.Locator("#student")).ToHaveTextAsync("bob");
                await Expect(page.Locator("#points")).ToHaveValueAsync("");
                await Expect(page.Locator("#students")).ToContainTextAsync("bob: pending");
                await page.Keyboard.PressAsync("k");
                await Expect(page.Locator("#points")).ToHaveValueAsync("3");
                await page.Keyboard.PressAsync("p");
                await Expect(page.Locator("#student")).ToHaveTextAsync("alice");
                await Expect(page.Locator("#points")).ToHaveValueAsync("1.5");
                await Expect(page.Locator("#comment")).ToHaveValueAsync("Chain rule, but say why.");
                await page.Keyboard.PressAsync("ArrowDown");
                await Expect(page.Locator("#points")).ToHaveValueAsync("2");
                await Expect(page.Locator("#comment")).ToHaveValueAsync("Tried to inject script.");
                await Expect(page.Locator("#state")).ToHaveTextAsync("saved");
            }
            Assert.Empty(problems);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }

        var alice = Written(fx, "alice");
        Assert.Equal((1.5, 2.0), ((double)alice[Derivative]["score"]!, (double)alice[Derivative]["max_score"]!));
        Assert.Contains("Chain rule, but say why.", (string)alice[Derivative]["output"]!);
        Assert.Equal(3, (double)alice[Saturation]["score"]!);
        var bob = Written(fx, "bob");
        Assert.Equal(2, (double)bob[Derivative]["score"]!);
        Assert.Equal((0.0, "pending manual review"), ((double)bob[Saturation]["score"]!, (string)bob[Saturation]["output"]!));
        Assert.Equal(6.5, (double)JsonNode.Parse(File.ReadAllText(Path.Combine(fx.Out, "alice", "results.json")))!["score"]!);

        var gradebook = File.ReadAllLines(Path.Combine(fx.Out, "gradebook.csv"));
        Assert.StartsWith("alice,6.5,7,6.5,1.5,3,", gradebook[1]);
        Assert.StartsWith("bob,4,7,4,2,pending,", gradebook[2]);
        Assert.Contains("Chain rule, but say why.", File.ReadAllText(Path.Combine(fx.Out, "alice", "feedback.html")));
        var bobFeedback = File.ReadAllText(Path.Combine(fx.Out, "bob", "feedback.html"));
        Assert.Contains("Tried to inject script.", bobFeedback);
        Assert.Contains("pending manual review", bobFeedback);
        Assert.Contains("Score: 4 / 7", bobFeedback);
    }

    // A page in its own context that may reach only the review server: KaTeX and its fonts are served offline.
    private static async Task<IPage> NewPageAsync(IBrowser browser, int port, List<string> problems)
    {
        var context = await browser.NewContextAsync();
        // Two busy cores: give each step time rather than fail on a slow one.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.Console += (_, message) => { if (message.Type == "error") problems.Add($"console: {message.Text}"); };
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith($"http://127.0.0.1:{port}/", StringComparison.Ordinal)) await route.ContinueAsync();
            else { problems.Add($"remote request: {route.Request.Url}"); await route.AbortAsync(); }
        });
        return page;
    }

    private static async Task OpenAsync(IPage page, ReviewServer server, List<string> problems)
    {
        var response = await page.GotoAsync(server.Url.AbsoluteUri);
        try { await page.WaitForSelectorAsync("html[data-ready='true']"); }
        catch (TimeoutException)
        {
            var content = await page.ContentAsync();
            throw new Xunit.Sdk.XunitException($"the page did not load (HTTP {response?.Status}): " +
                                               $"{content[..Math.Min(content.Length, 600)]}; {string.Join("; ", problems)}");
        }
    }

    // The student's written-answer entries of results.json, by grade_id.
    private static Dictionary<string, JsonNode> Written(GradingFixture fx, string student) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(fx.Out, student, "results.json")))!["tests"]!.AsArray()
            .Where(t => ((string)t!["name"]!).EndsWith("(written answer)"))
            .ToDictionary(t => ((string)t!["name"]!).Split(": ")[1].Split(' ')[0], t => t!);
}
