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
    [InlineData(Ok + "\r#i \"nuget:/tmp\"")]
    [InlineData(Ok + "#pragma warning disable")]
    [InlineData(Ok + "\u2028#!set --name x --value 1")]
    public void Directives_and_magic_commands_are_refused_whatever_the_whitespace(string code)
    {
        var note = Assert.Single(Assemble(code).Notes);
        Assert.True(note.Contains("directives and magic commands"), note);
    }

    [Theory]
    [InlineData(Ok + "var (Check, other) = (1, 2);", "`Check`")]
    [InlineData(Ok + "if (3 is int Check) { }", "`Check`")]
    [InlineData("using Check = System.Console;\n" + Ok, "`Check`")]
    [InlineData("using static System.Math;\n" + Ok, "`Abs`")]
    [InlineData(Ok + "class Outer { public class Check { } }", "`Check`")]
    [InlineData(Ok + "double Close = 1;", "`Close`")]
    public void Declaring_a_name_the_tests_use_is_refused_however_it_is_declared(string code, string name)
    {
        var note = Assert.Single(Assemble(code).Notes);
        Assert.True(note.Contains("which the tests use") && note.Contains(name), note);
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
    public void Course_style_code_passes_the_screen(string code)
    {
        var notes = Assemble(code).Notes;
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
