using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Tests.Grading;

/// <summary>The screen by meaning: one refused cell per class of the allow-list, allowed course code, and every solved course notebook passing it.</summary>
public class ScreenTests
{
    private static readonly Notebook Source = GradingFixture.LoadFixture(GradingFixture.Q1);

    private static AssembledNotebook Assemble(string code)
    {
        var nb = Releaser.Release(Source, "q1");
        nb.Cells.Single(c => GradingCell.Of(c).GradeId == "f1q1-impl").Source = code;
        return SubmissionAssembler.Assemble(Source, nb, "q1");
    }

    private const string Ok = "static double Square(double x) => x * x;\n";

    // A course notebook, whose first cell loads course.csx and with it Plotly.NET and FSharp.Core.
    private static AssembledNotebook AssembleInCourse(string code)
    {
        var path = Path.Combine(Support.Repository.Notebooks, "a1-loss-functions", "q2-binary-cross-entropy.ipynb");
        var source = Notebook.Load(path);
        var nb = Releaser.Release(source, "q2");
        nb.Cells.Single(c => GradingCell.Of(c).GradeId == "a1q2-impl").Source = code;
        return SubmissionAssembler.Assemble(source, nb, "a1-loss-functions/q2-binary-cross-entropy.ipynb", Path.GetDirectoryName(path));
    }

    private const string Bce = "double Bce(double y, double yHat) => -(y * Math.Log(yHat) + (1 - y) * Math.Log(1 - yHat));\n";
    private const string Points = "var chart = Plotly.NET.CSharp.Chart.Point<double, double, string>(new[] { 1.0 }, new[] { 2.0 });\n";

    [Theory]
    [InlineData(Ok + "var t = typeof(Math);", "reflection")]
    [InlineData(Ok + "var t = Type.GetType(\"System.IO.File\");", "reflection")]
    [InlineData("static double Square(double x) => (double)x.GetType().GetMethod(\"ToString\", new Type[0])!.Invoke(x, null)!.GetHashCode();", "reflection")]
    [InlineData(Ok + "var text = System.IO.File.ReadAllText(\"/etc/hostname\");", "files and streams")]
    [InlineData(Ok + "var s = new System.IO.MemoryStream();", "files and streams")]
    [InlineData(Ok + "System.Diagnostics.Process.Start(\"sleep\", \"1\");", "processes")]
    [InlineData("static double Square(double x) { if (x < 0) Environment.Exit(0); return x * x; }", "environment")]
    [InlineData(Ok + "var n = Environment.GetEnvironmentVariable(\"HOME\");", "environment")]
    [InlineData(Ok + "new System.Threading.Thread(() => { }).Start();", "threads")]
    [InlineData(Ok + "Task.Run(() => { });", "threads")]
    [InlineData(Ok + "var timer = new System.Threading.Timer(_ => { }, null, 0, 10);", "threads")]
    [InlineData(Ok + "dynamic d = 3; d.Anything();", "`dynamic`")]
    [InlineData("static unsafe double Square(double x) { double* p = &x; return *p * *p; }", "unsafe")]
    [InlineData(Ok + "static double Call(delegate*<double, double> f) => 0;", "unsafe")]
    [InlineData(Ok + "class Lingers { ~Lingers() { } }", "finalizer")]
    [InlineData(Ok + "var next = Console.ReadLine();", "Console writing")]
    [InlineData(Ok + "var raw = Console.OpenStandardOutput();", "files and streams")]
    [InlineData(Ok + "Console.OpenStandardInput();", "Console writing")]
    [InlineData(Ok + "var k = Microsoft.DotNet.Interactive.Kernel.Root;", "kernel")]
    [InlineData(Ok + "display(1); var c = Microsoft.DotNet.Interactive.KernelInvocationContext.Current;", "kernel")]
    [InlineData(Ok + "var size = System.Runtime.InteropServices.Marshal.SizeOf<int>();", "interop")]
    [InlineData(Ok + "[System.Runtime.InteropServices.DllImport(\"libc\")] static extern int getpid();", "`extern`")]
    [InlineData("using Env = System.Environment;\n" + Ok + "var e = Env.ProcessId;", "environment")]
    [InlineData(Ok + "Func<int> f = () => 1; f.DynamicInvoke();", "Delegate")]
    [InlineData(Ok + "var p = IntPtr.Zero;", "interop")]
    [InlineData(Ok + "GC.Collect();", "environment")]
    [InlineData(Ok + "var s = System.Linq.Expressions.Expression.Constant(1);", "allow-list")]
    [InlineData("static double Square(double x) => y;", "does not compile")]
    [InlineData(Ok + "MathNet.Numerics.Providers.LinearAlgebra.LinearAlgebraControl.UseManaged();", "process-wide")]
    [InlineData(Ok + "MathNet.Numerics.Control.UseSingleThread();", "process-wide")]
    public void Cells_outside_the_allow_list_are_refused_with_a_reason(string code, string reason)
    {
        var assembled = Assemble(code);
        var note = Assert.Single(assembled.Notes);
        Assert.True(note.Contains("was not run") && note.Contains(reason), note);
        Assert.Contains(SolutionRegions.Stub, assembled.Notebook.Cells.Single(c => GradingCell.Of(c).GradeId == "f1q1-impl").Source);
    }

    [Theory]
    [InlineData(Ok + "  #r \"/tmp/evil.dll\"")]
    [InlineData(Ok + "\t#!fsharp")]
    [InlineData(Ok + "\u200B#load \"/tmp/evil.csx\"")]
    [InlineData(Ok + "#!import \"../course.csx\"")]
    [InlineData(Ok + "\r#i \"nuget:/tmp\"")]
    [InlineData(Ok + "#pragma warning disable")]
    [InlineData(Ok + "\u2028#!set --name x --value 1")]
    // Only exactly `#region`/`#endregion` lines reach C#; a directive inside a region is still a directive.
    [InlineData("#region helpers\n" + Ok + "#r \"/tmp/evil.dll\"\n#endregion")]
    [InlineData(Ok + "#regional \"x\"")]
    public void Directives_and_magic_commands_are_refused_whatever_the_whitespace(string code)
    {
        var note = Assert.Single(Assemble(code).Notes);
        Assert.True(note.Contains("directives and magic commands"), note);
    }

    // Names a student declares can only shadow what later cells see: points are judged outside the student's process
    // (recorded values compared with a reference run) and hidden tests run after every student cell, so shadowing a name
    // the tests use can only lose the student's own points. None of these is refused any more.
    [Theory]
    [InlineData(Ok + "var (Check, other) = (1, 2);")]
    [InlineData(Ok + "if (3 is int Check) { }")]
    [InlineData("using Check = System.Console;\n" + Ok)]
    [InlineData("using static System.Math;\n" + Ok + "var root = Sqrt(Abs(-4.0));")]
    [InlineData(Ok + "class Outer { public class Check { } }")]
    [InlineData(Ok + "double Close = 1;")]
    [InlineData(Ok + "static class Check { public static void Close(double a, double e, double t, string w) { } }")]
    [InlineData(Ok + "for (int Check = 0; Check < 2; Check++) { }\nforeach (var Close in new[] { 1 }) { }")]
    public void Declaring_a_name_the_tests_use_is_not_refused(string code)
    {
        var notes = Assemble(code).Notes;
        Assert.True(notes.Count == 0, string.Join("\n", notes));
    }

    // What the sandbox cannot contain, reached through F#'s core library or Plotly.NET's F# API.
    [Theory]
    [InlineData(Ok + "Microsoft.FSharp.Core.Operators.Exit<int>(0);", "F# core functions")]
    [InlineData(Ok + "Microsoft.FSharp.Collections.ArrayModule.Parallel.Iterate<int>(Microsoft.FSharp.Core.FuncConvert.FromAction<int>(i => { }), new[] { 1, 2 });", "F# core functions")]
    [InlineData(Ok + "var squares = Microsoft.FSharp.Collections.ArrayModule.Parallel.Map<double, double>(Microsoft.FSharp.Core.FuncConvert.FromFunc<double, double>(Square), new[] { 1.0 });", "F# core functions")]
    [InlineData(Bce + Points + "Plotly.NET.Chart.show(chart);", "reads or writes files or starts a program")]
    [InlineData(Bce + Points + "Plotly.NET.Chart.saveHtml(\"/tmp/x.html\", null).Invoke(chart);", "reads or writes files or starts a program")]
    [InlineData(Bce + Points + "Plotly.NET.CSharp.GenericChartExtensions.Show(chart);", "reads or writes files or starts a program")]
    public void FSharp_and_Plotly_routes_out_of_the_sandbox_are_refused(string code, string reason)
    {
        var note = Assert.Single(AssembleInCourse(code).Notes);
        Assert.True(note.Contains("was not run") && note.Contains(reason), note);
    }

    [Theory]
    [InlineData("static double Square(double x) => new[] { x }.Select(v => v * v).Sum();")]
    [InlineData("static double Square(double x)\n{\n    var parts = new List<double> { x };\n    var sb = new System.Text.StringBuilder();\n    sb.Append($\"{x:F2}\");\n    Console.WriteLine(sb.ToString());\n    return Math.Pow(parts[0], 2);\n}")]
    [InlineData("static double Square(double x) { double Inner(double y) => y * y; var (a, b) = (x, 1.0); return Inner(a) * b; }")]
    [InlineData("using System.IO;\nstatic double Square(double x) { try { return checked(x * x); } catch (OverflowException) { return double.MaxValue; } }")]
    // A method's locals and a lambda's parameters are out of every later cell's reach, whatever their names.
    [InlineData("static double Square(double x) { var Close = x; return new[] { Close }.Select(Check => Check * Check).Sum(); }")]
    // C# 12–14: collection expressions (arrays, lists, spans, interfaces, spreads), primary constructors, records, `field`, params spans.
    [InlineData("static double Square(double x) { double[] y = [x, .. new[] { x }]; List<double> z = [.. y]; IEnumerable<double> e = [x]; return z[0] * e.First(); }")]
    [InlineData("static double Square(double x) { Span<double> s = [x, x]; ReadOnlySpan<double> r = [x]; return s[0] * r[0]; }")]
    [InlineData("class Scaled(double factor) { public double Of(double x) => factor * x; }\nstatic double Square(double x) => new Scaled(x).Of(x);")]
    [InlineData("record Point(double X, double Y);\nreadonly record struct Pair(double A, double B);\nstatic double Square(double x) => new Point(x, 0).X * new Pair(x, 0).A;")]
    [InlineData("class Box { public double Value { get; set => field = value < 0 ? -value : value; } }\nstatic double Square(double x) => new Box { Value = x }.Value * x;")]
    [InlineData("static double Product(params ReadOnlySpan<double> xs) { double p = 1; foreach (var v in xs) p *= v; return p; }\nstatic double Square(double x) => Product(x, x);")]
    // The kernel's display helper, as docs/grading.md allows: its result is a Formatting.DisplayedValue, which a student may update.
    [InlineData("static double Square(double x) => x * x;\ndisplay(Square(3));\nvar shown = display(\"progress\");\nshown.Update(\"done\");")]
    // Honest code the screen once refused: regions (the kernel hands them to C#), span helpers (C# 14 binds an array's
    // Contains to MemoryExtensions), Environment.NewLine, Debug.Assert (compiled away), inlining hints, `using static`,
    // a top-level deconstruction and loops, a helper outside the solution method.
    [InlineData("#region helpers\nstatic double Sq(double v) => v * v;\n  #endregion\nstatic double Square(double x) => Sq(x);")]
    [InlineData("static double Square(double x) { double[] a = [x, 2]; var s = a.AsSpan(); return a.Contains(x) ? s[0] * s[0] : 0; }")]
    [InlineData("static double Square(double x) { Console.Write($\"squaring {x}{Environment.NewLine}\"); return x * x; }")]
    [InlineData("using System.Diagnostics;\nstatic double Square(double x) { Debug.Assert(!double.IsNaN(x), \"x is a number\"); return x * x; }")]
    [InlineData("using System.Runtime.CompilerServices;\n[MethodImpl(MethodImplOptions.AggressiveInlining)]\nstatic double Square(double x) => x * x;")]
    [InlineData("using static System.Math;\nstatic double Square(double x) => Pow(Abs(x), 2);")]
    [InlineData("static double Square(double x) => x * x;\nvar (a, b) = (Square(2), Square(3));\nfor (int i = 0; i < 3; i++) Console.WriteLine(Square(i));\nforeach (var p in new[] { a, b }) Console.WriteLine(p);")]
    [InlineData("static double Times(double x, double y) => x * y;\nstatic double Square(double x) => Times(x, x);")]
    public void Course_style_code_passes_the_screen(string code)
    {
        var notes = Assemble(code).Notes;
        Assert.True(notes.Count == 0, string.Join("\n", notes));
    }

    // Plotly.NET's F# API from C#: an optional argument is an FSharpOption, a chart is displayed, not shown.
    [Theory]
    [InlineData(Bce + Points + "display(chart);")]
    [InlineData(Bce + "var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(new[] { 1.0, 2.0 }, new[] { Bce(1, 0.5), Bce(1, 0.9) }, Name: \"BCE\");\n" +
                "display(Plotly.NET.Chart.withTitle(\"BCE\", Microsoft.FSharp.Core.FSharpOption<Plotly.NET.Font>.None).Invoke(chart));")]
    public void Plotly_charts_displayed_from_a_course_notebook_pass_the_screen(string code)
    {
        var notes = AssembleInCourse(code).Notes;
        Assert.True(notes.Count == 0, string.Join("\n", notes));
    }

    public static IEnumerable<object[]> CourseNotebooks() =>
        Directory.EnumerateFiles(Support.Repository.Notebooks, "*.ipynb", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => new object[] { Path.GetRelativePath(Support.Repository.Notebooks, p) });

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void Every_solved_course_notebook_passes_the_screen(string relative)
    {
        var path = Path.Combine(Support.Repository.Notebooks, relative);
        var source = Notebook.Load(path);
        var assembled = SubmissionAssembler.Assemble(source, source, relative, Path.GetDirectoryName(path));
        Assert.True(assembled.Notes.Count == 0, string.Join("\n", assembled.Notes));
    }
}
