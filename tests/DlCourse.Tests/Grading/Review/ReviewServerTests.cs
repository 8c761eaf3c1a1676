using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Manual;
using DlCourse.Cli.Grading.Review;

namespace DlCourse.Tests.Grading.Review;

/// <summary><c>dlcourse review</c>'s server without a browser: what it refuses to start on, and what its API accepts and escapes.</summary>
[Collection(DlCourse.Tests.Support.LocalServers.Name)]
public class ReviewServerTests
{
    [Fact]
    public async Task Refuses_other_addresses_a_port_in_use_a_missing_folder_and_a_folder_without_written_answers()
    {
        using var fx = await WrittenGrades.GradeAsync();
        var folder = GradesFolder.Open(fx.Out);

        Assert.Contains("127.0.0.1 only", Assert.Throws<ReviewException>(() => ReviewServer.Start(folder, WrittenGrades.FreePort(), "0.0.0.0")).Message);
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            Assert.Contains($"port {port}", Assert.Throws<ReviewException>(() => ReviewServer.Start(folder, port)).Message);
        }
        finally { taken.Stop(); }

        Assert.Contains("no such grades folder", Assert.Throws<ReviewException>(() => GradesFolder.Open(Path.Combine(fx.Root, "nowhere"))).Message);
        Assert.Contains("no graded students", Assert.Throws<ReviewException>(() => GradesFolder.Open(fx.Submissions)).Message);

        using var plain = new GradingFixture();
        plain.Student("carol", GradingFixture.Correct);
        await new Grader(new StandInExecutor(), new GradeOptions(plain.Source, plain.Submissions, plain.Out)).GradeAllAsync();
        Assert.Contains("no written answers found", Assert.Throws<ReviewException>(() => GradesFolder.Open(plain.Out)).Message);
    }

    [Fact]
    public async Task The_api_needs_the_page_token_escapes_student_markdown_and_validates_points()
    {
        using var fx = await WrittenGrades.GradeAsync();
        await using var server = ReviewServer.Start(GradesFolder.Open(fx.Out), WrittenGrades.FreePort());
        using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(30) };

        var page = await http.GetStringAsync("/");
        var token = Regex.Match(page, "name=\"review-token\" content=\"([0-9A-F]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/state")).StatusCode);
        http.DefaultRequestHeaders.Add("X-Review-Token", token);

        var state = JsonNode.Parse(await http.GetStringAsync("/api/state"))!;
        var question = state["questions"]![0]!;
        Assert.Equal(WrittenAnswerGradingTests.Derivative, (string)question["gradeId"]!);
        var bob = question["answers"]!.AsArray().Single(a => (string)a!["student"]! == "bob")!;
        var html = (string)bob["answer"]!;
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("<strong>bold</strong>", html);

        async Task<HttpResponseMessage> Post(object? points, string? hash = null) => await http.PostAsync("/api/score", new StringContent(
            new JsonObject { ["student"] = "bob", ["notebook"] = GradingFixture.W1, ["gradeId"] = WrittenAnswerGradingTests.Derivative,
                ["hash"] = hash ?? (string)bob["hash"]!, ["points"] = JsonValue.Create(points), ["comment"] = "no" }.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(2.5)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(-1)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post("two")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Post(1, hash: "0000000000000000")).StatusCode);
        Assert.False(File.Exists(Path.Combine(fx.Out, ManualScores.FileName)));

        var saved = await Post(0);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(0, ManualScores.Load(fx.Out).Get("bob", GradingFixture.W1, WrittenAnswerGradingTests.Derivative)!.Points);
        Assert.Contains("bob,2,7,2,0,pending,", File.ReadAllText(Path.Combine(fx.Out, "gradebook.csv")));

        // A page of another site, reached through a name that resolves here, sends its own Host.
        var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/state");
        rebound.Headers.Host = "attacker.example";
        Assert.NotEqual(HttpStatusCode.OK, (await http.SendAsync(rebound)).StatusCode);
        // No file outside KaTeX's is served, however the path is spelled.
        foreach (var path in new[] { "/assets/../../../../etc/passwd", "/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2f..%2fetc/passwd" })
        {
            var reply = await http.GetAsync(path);
            Assert.DoesNotContain("root:", await reply.Content.ReadAsStringAsync());
        }
    }
}
