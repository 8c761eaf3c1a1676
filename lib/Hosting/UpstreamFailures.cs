using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace DlCourse.Hosting;

/// <summary>
/// Says so when a cell uses a value from an earlier cell that stopped early, naming the unanswered stub behind it
/// ("implement NllGradient above first"), so that the error which follows (a null, an empty chart) is not a riddle.
/// </summary>
/// <remarks>
/// A kernel middleware, so it works alike in VS Code, Jupyter, dotnet-repl and the grader. It reads cells lexically (a
/// name assigned at the top level of a failed cell, used in a later one) and only adds a line of text: it never stops
/// or changes a cell.
/// </remarks>
internal sealed partial class UpstreamFailures
{
    private readonly Dictionary<string, string> unfinished = new(StringComparer.Ordinal); // name → why its cell stopped early
    private static readonly HashSet<Kernel> registered = [];

    /// <summary>Adds the middleware to the C# kernel running this cell, once; outside a kernel (tests, scripts) it does nothing.</summary>
    public static void Register()
    {
        if (KernelInvocationContext.Current?.HandlingKernel is not { } kernel) return;
        lock (registered)
            if (registered.Add(kernel)) kernel.AddMiddleware(new UpstreamFailures().Handle);
    }

    /// <summary>
    /// The names a cell's code uses, and the variables it assigns at its top level (not in a block, a loop header or a
    /// lambda's body), in order of appearance, read without its comments and string literals.
    /// </summary>
    public static (IReadOnlyList<string> Used, IReadOnlyList<string> Assigned) Names(string code)
    {
        var text = Code().Replace(code, m => m.Groups["code"].Success ? m.Value : new string(' ', m.Length));
        var top = Nested(text, '{', '}');
        var assigned = AssignedName().Matches(Nested(top, '(', ')')).Select(m => (m.Index, Name: m.Groups[1].Value))
            .Concat(Deconstructed().Matches(top).SelectMany(m => m.Groups[1].Value.Split(',').Select(p => (m.Index, Name: p.Trim().Split(' ')[^1]))))
            .Where(n => n.Name.Length > 0).OrderBy(n => n.Index).Select(n => n.Name).Distinct(StringComparer.Ordinal).ToList();
        var used = UsedName().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        return (used, assigned);
    }

    // The text with whatever lies between the brackets blanked, brackets kept, so only the outer level is read.
    private static string Nested(string text, char open, char close)
    {
        var chars = text.ToCharArray();
        for (int i = 0, depth = 0; i < chars.Length; i++)
        {
            if (chars[i] == close) depth = Math.Max(0, depth - 1);
            else if (depth > 0 && chars[i] != '\n') chars[i] = ' ';
            if (chars[i] == open || text[i] == open) depth++;
        }
        return new string(chars);
    }

    /// <summary>The notice for a cell that uses <paramref name="name"/>, whose cell stopped early because <paramref name="why"/>.</summary>
    public static string Notice(string name, string why) => why.EndsWith(" is not implemented yet", StringComparison.Ordinal)
        ? $"Note: this cell uses {name} from a cell above that stopped early because {why}: implement {why[..why.IndexOf(' ')]} above first."
        : $"Note: this cell uses {name} from a cell above that stopped early because {why}: fix that cell first.";

    private async Task Handle(KernelCommand command, KernelInvocationContext context, KernelPipelineContinuation next)
    {
        if (command is not SubmitCode submit)
        {
            await next(command, context);
            return;
        }
        var (used, assigned) = Names(submit.Code);
        var affected = used.Where(n => unfinished.ContainsKey(n) && !assigned.Contains(n)).ToList();
        // A name left without a value (null, empty) is the likelier culprit than one the stopped cell had already set.
        var named = affected.FirstOrDefault(n => !HasValue(context.HandlingKernel, n)) ?? affected.FirstOrDefault();
        if (named is not null) KernelInvocationContextExtensions.Display(context, Notice(named, unfinished[named]), "text/plain");

        CommandFailed? failed = null;
        using (context.KernelEvents.Subscribe(e => { if (e is CommandFailed f && f.Command == command) failed = f; }))
            await next(command, context);

        if (failed is null)
        {
            foreach (var name in assigned) unfinished.Remove(name);
            return;
        }
        var why = StubOf(failed.Exception) is { } stub ? $"{stub} is not implemented yet"
            : named is not null ? unfinished[named] : "that cell failed";
        foreach (var name in assigned) unfinished[name] = why;
    }

    private static bool HasValue(Kernel kernel, string name) =>
        kernel is CSharpKernel csharp && csharp.TryGetValue<object>(name, out var value) && value switch
        {
            null => false,
            System.Collections.ICollection { Count: 0 } => false,
            double d => !double.IsNaN(d),
            _ => true,
        };

    // The student's method that threw NotImplementedException: the first frame of a cell's own code (Submission#N.Name).
    private static string? StubOf(Exception? exception) =>
        exception is NotImplementedException && SubmissionFrame().Match(exception.StackTrace ?? "") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("""(?<comment>//[^\n]*|/\*.*?\*/)|(?<string>@"(?:[^"]|"")*"|\$?"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)+')|(?<code>.)""", RegexOptions.Singleline)]
    private static partial Regex Code();

    [GeneratedRegex(@"(?<![\w.@$])[A-Za-z_]\w*")]
    private static partial Regex UsedName();

    // x = … and x[k] = …, but not x == …, x => …, or x op= …
    [GeneratedRegex(@"(?<![\w.])([A-Za-z_]\w*)\s*(?:\[[^\]\n]*\]\s*)?=(?![=>])")]
    private static partial Regex AssignedName();

    // var (a, b) = … and (double a, double b) = …
    [GeneratedRegex(@"\(([\w\s,]+)\)\s*=(?![=>])")]
    private static partial Regex Deconstructed();

    [GeneratedRegex(@"at Submission#\d+\.(\w+)\(")]
    private static partial Regex SubmissionFrame();
}
