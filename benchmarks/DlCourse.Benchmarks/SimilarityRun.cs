using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DlCourse.Cli.Commands;
using DlCourse.Cli.Grading.Similarity;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DlCourse.Benchmarks;

/// <summary><c>dlcourse similarity</c> on a generated class: N students (1,000 by default) answering A2 Q4, each a mutation of one of the test set's ten independent solutions.</summary>
/// <remarks>
/// Names renamed, literals changed, comments and filler statements added, neighbouring lines swapped: every solution is
/// shared by about a tenth of the class, the index's worst case (tens of thousands of candidate pairs). Whole runs,
/// reading every notebook and writing both reports, are timed, so this is a plain program rather than a BenchmarkDotNet class.
/// </remarks>
public static class SimilarityRun
{
    private const string Notebook = "notebooks/a2-backprop-gradient-descent/q4-logistic-regression-gd.ipynb", GradeId = "a2q4-impl";

    public static void Run(string[] args)
    {
        var students = int.Parse(LeNetStep.Option(args, "--students") ?? "1000", CultureInfo.InvariantCulture);
        var runs = int.Parse(LeNetStep.Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var repository = FindRepository();
        var root = Directory.CreateTempSubdirectory("dlcourse-similarity-bench-").FullName;
        try
        {
            var source = Path.Combine(root, "source", Path.GetFileName(Notebook));
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.Copy(Path.Combine(repository, Notebook), source);
            var bases = Directory.EnumerateFiles(Path.Combine(repository, "tests/DlCourse.Tests/Similarity/Fixtures/a2q4"), "*.csx")
                .Where(f => !Path.GetFileName(f).StartsWith("copy-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
            var random = new Random(26);
            var template = JsonNode.Parse(File.ReadAllText(source))!;
            for (var s = 0; s < students; s++)
                Write(template, Path.Combine(root, "submissions", $"student{s:D4}", Path.GetFileName(Notebook)), Mutate(bases[s % bases.Count], random));

            Console.WriteLine($"dlcourse similarity: {students} students on A2 Q4 (mutations of {bases.Count} solutions), {Environment.ProcessorCount} cores, -j {Environment.ProcessorCount}");
            var process = Stopwatch.StartNew();
            var (exit, log) = Tool(Path.Combine(root, "source"), Path.Combine(root, "submissions"), Path.Combine(root, "out0"));
            if (exit != 0) throw new InvalidOperationException($"dlcourse similarity exited {exit}: {log}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  the tool as a process (dotnet dlcourse.dll similarity …): {process.Elapsed.TotalSeconds,6:0.00} s wall"));
            for (var run = 1; run <= runs; run++)
            {
                var output = Path.Combine(root, $"out{run}");
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var (stdout, stderr) = (new StringWriter(), new StringWriter());
                var code = SimilarityCommand.Run(() => new SimilarityOptions(Path.Combine(root, "source"), Path.Combine(root, "submissions"), output), stdout, stderr);
                var seconds = clock.Elapsed.TotalSeconds;
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                if (code != 0) throw new InvalidOperationException($"similarity exited {code}: {stderr}");
                var json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, SimilarityChecker.JsonFile)))!;
                var question = json["questions"]!.AsArray().Single(q => (string)q!["question"]! == "a2q4")!;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  in this process, run {run}{(run == 1 ? " (JIT included)" : "")}: {seconds,6:0.00} s wall, {cpuSeconds,6:0.00} s CPU; "
                    + $"{question["answered"]} answers, {question["common_k_grams"]} common k-grams, {question["candidates"]} candidate pairs, "
                    + $"{question["pairs"]} reported (+{question["omitted"]} over --top); report {new FileInfo(Path.Combine(output, SimilarityChecker.HtmlFile)).Length / 1024} KB HTML"));
            }

            // Every pair over the minimum score, not only the top: how many pairs of mutations of one solution are found
            // (recall), and how many reported pairs are mutations of two different solutions (false alarms).
            var all = SimilarityChecker.Compare(new SimilarityOptions(Path.Combine(root, "source"), Path.Combine(root, "submissions"), Path.Combine(root, "unused"))
                { Top = int.MaxValue }).Pairs.Where(p => p.Question == "a2q4").ToList();
            var same = all.Count(p => Base(p.Students[0], bases.Count) == Base(p.Students[1], bases.Count));
            var possible = Enumerable.Range(0, bases.Count).Sum(b => { var n = (students - b + bases.Count - 1) / bases.Count; return n * (n - 1) / 2; });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  pairs at --min-score 0.7: {all.Count}; of one solution {same} of {possible} ({(double)same / possible:P1}); of two different solutions {all.Count - same}"));
            Console.WriteLine("  found per solution: " + string.Join(", ", Enumerable.Range(0, bases.Count).Select(b =>
            {
                var n = (students - b + bases.Count - 1) / bases.Count;
                var found = all.Count(p => Base(p.Students[0], bases.Count) == b && Base(p.Students[1], bases.Count) == b);
                return string.Create(CultureInfo.InvariantCulture, $"{b + 1:00} {(double)found / (n * (n - 1) / 2):P0}");
            })));
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    private static int Base(string student, int bases) => int.Parse(student["student".Length..], CultureInfo.InvariantCulture) % bases;

    // The tool itself, started as a staff member starts it: process start, JIT and all.
    private static (int Exit, string Log) Tool(string source, string submissions, string output)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "dlcourse.dll"), "similarity", "--source", source, "--submissions", submissions, "--out", output })
            info.ArgumentList.Add(a);
        using var child = Process.Start(info)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        child.WaitForExit();
        return (child.ExitCode, stdout.Result + stderr.Result);
    }

    // The released notebook is not needed: a student's other cells are never read, only the solution cells by grade_id.
    private static void Write(JsonNode template, string path, string code)
    {
        var notebook = template.DeepClone();
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            if (cell!["metadata"]?["nbgrader"] is not JsonObject nbgrader || nbgrader["solution"]?.GetValue<bool>() != true) continue;
            cell["source"] = (string?)nbgrader["grade_id"] == GradeId ? code : "YOUR ANSWER HERE";
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, notebook.ToJsonString());
    }

    // What a student hiding a copy does, at random: every name they declared renamed, some literals rewritten, comments
    // and unused statements added between statements, two neighbouring one-line statements swapped.
    private static string Mutate(string code, Random random)
    {
        var root = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetRoot();
        var declared = root.DescendantNodes().Select(n => n switch
        {
            VariableDeclaratorSyntax v => v.Identifier.ValueText,
            ParameterSyntax p => p.Identifier.ValueText,
            LocalFunctionStatementSyntax f => f.Identifier.ValueText,
            MethodDeclarationSyntax m when m.Identifier.ValueText != "NllGradient" => m.Identifier.ValueText,
            ForEachStatementSyntax f => f.Identifier.ValueText,
            _ => null,
        }).OfType<string>().Distinct().ToDictionary(n => n, n => $"{n}{(char)('a' + random.Next(26))}{random.Next(100)}");
        var text = string.Concat(root.DescendantTokens().Select(t =>
            t.ToFullString() is var full && t.IsKind(SyntaxKind.IdentifierToken) && declared.TryGetValue(t.ValueText, out var name)
                ? full.Replace(t.Text, name)
                : t.IsKind(SyntaxKind.NumericLiteralToken) && random.Next(3) == 0 ? full.Replace(t.Text, t.Text.Contains('.') ? t.Text + "0" : t.Text + "d") : full));

        // Statements of a block, by the line they start on: filler goes before them, and two neighbours on a line each may swap.
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(kind: SourceCodeKind.Script));
        var statements = tree.GetRoot().DescendantNodes().OfType<StatementSyntax>().Where(n => n.Parent is BlockSyntax)
            .Select(n => (Node: n, Span: n.GetLocation().GetLineSpan())).ToList();
        var starts = statements.Select(st => st.Span.StartLinePosition.Line).ToHashSet();
        var neighbours = statements.Zip(statements.Skip(1)).Where(p => p.First.Node.Parent == p.Second.Node.Parent
                && p.First.Span.StartLinePosition.Line == p.First.Span.EndLinePosition.Line && p.Second.Span.StartLinePosition.Line == p.Second.Span.EndLinePosition.Line
                && p.Second.Span.StartLinePosition.Line == p.First.Span.StartLinePosition.Line + 1)
            .Select(p => p.First.Span.StartLinePosition.Line).ToList();
        var lines = text.Split('\n').ToList();
        if (neighbours.Count > 0 && random.Next(2) == 0)
        {
            var swap = neighbours[random.Next(neighbours.Count)];
            (lines[swap], lines[swap + 1]) = (lines[swap + 1], lines[swap]);
        }
        for (var i = lines.Count - 1; i >= 1; i--)
        {
            var roll = random.Next(10);
            var indent = lines[i][..(lines[i].Length - lines[i].TrimStart().Length)];
            if (roll == 0) lines.Insert(i, $"{indent}// step {random.Next(1000)}");
            else if (roll == 1 && starts.Contains(i)) lines.Insert(i, $"{indent}var unused{random.Next(1000)} = {random.Next(100)};");
        }
        return string.Join('\n', lines);
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DlCourse.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("run from inside the repository: the course notebooks and the similarity test set were not found");
    }
}
