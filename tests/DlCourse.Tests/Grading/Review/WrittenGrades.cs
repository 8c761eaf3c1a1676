using System.Net;
using System.Net.Sockets;
using DlCourse.Cli.Grading;

namespace DlCourse.Tests.Grading.Review;

/// <summary>The "written" fixture graded (with the stand-in worker) for alice and for bob, whose first answer tries to inject script.</summary>
internal static class WrittenGrades
{
    public const string AliceDerivative = "By the chain rule, $\\sigma'(x) = \\sigma(x)\\,(1-\\sigma(x))$.";
    public const string BobDerivative =
        "<script>window.__injected = 1</script><img src=x onerror=\"window.__injected = 2\"> [click](javascript:window.__injected=3) **bold**";

    public static async Task<GradingFixture> GradeAsync()
    {
        var fx = new GradingFixture("written");
        fx.Student("alice", WrittenAnswerGradingTests.Answers(AliceDerivative, "The gradient $\\sigma'$ vanishes."));
        fx.Student("bob", WrittenAnswerGradingTests.Answers(BobDerivative, "No idea."));
        await new Grader(new StandInExecutor(), new GradeOptions(fx.Source, fx.Submissions, fx.Out, Jobs: 1, CellTimeoutSeconds: 5)).GradeAllAsync();
        return fx;
    }

    /// <summary>A port nobody listens on right now (the OS picks it; the listener is closed before use).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try { return ((IPEndPoint)probe.LocalEndpoint).Port; }
        finally { probe.Stop(); }
    }
}
