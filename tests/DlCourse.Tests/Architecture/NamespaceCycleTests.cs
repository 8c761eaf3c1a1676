using DlCourse.Tests.Support;

namespace DlCourse.Tests.Architecture;

/// <summary>
/// No two namespaces of the library, or of the tool, use each other, directly or around a longer circle: each project's
/// namespaces stay layered (the library's root <c>DlCourse</c> is the base the others use, and <c>DlCourse.Hosting</c>,
/// which wires them into a notebook, sits above them all; the tool's Grading uses Late and Manual, which share the
/// records of <c>Grading.Results</c> instead of using Grading back). The graph is the compiler's (<see cref="NamespaceGraph"/>).
/// </summary>
public class NamespaceCycleTests
{
    [Fact]
    public void The_library_namespaces_form_no_cycle() =>
        AssertNoCycle(NamespaceGraph.Of(NamespaceGraph.SourcesUnder(Repository.Root, "lib")));

    [Fact]
    public void The_tool_namespaces_form_no_cycle()
    {
        // As DlCourse.Cli.csproj compiles it: its folder, and the library's atomic-write helper linked in.
        var atomicFile = Path.Combine("lib", "AtomicFile.cs");
        var sources = NamespaceGraph.SourcesUnder(Repository.Root, Path.Combine("tools", "DlCourse.Cli"))
            .Append((atomicFile, File.ReadAllText(Path.Combine(Repository.Root, atomicFile))));
        AssertNoCycle(NamespaceGraph.Of(sources, executable: true));
    }

    [Fact]
    public void A_cycle_through_a_method_body_and_a_name_from_the_enclosing_namespace_is_found()
    {
        // The root calls into its subnamespace only inside a method; the subnamespace uses the root's Check without a
        // using, in an expression-bodied property.
        const string root = """
            namespace Demo;

            public static class Check
            {
                public static double MaxOf(double[] values) => values.Max();
            }

            public static class Setup
            {
                public static void Start()
                {
                    Sub.Display.Register();
                }
            }
            """;
        const string sub = """
            namespace Demo.Sub;

            public sealed class Display
            {
                public static void Register() { }

                public double Worst => Check.MaxOf([1.0, 2.0]);
            }
            """;

        var graph = NamespaceGraph.Of([("Root.cs", root), ("Sub/Display.cs", sub)]);

        Assert.Empty(graph.Unbound);
        Assert.Equal(["Demo", "Demo.Sub"], Assert.Single(graph.Cycles()));
        var described = graph.Describe(graph.Cycles()[0]);
        Assert.Contains("Demo -> Demo.Sub: Root.cs:12 Display.Register\n", described);
        Assert.Contains("Demo.Sub -> Demo: Sub/Display.cs:7 Check.MaxOf", described);

        // Without the call the subnamespace is a plain layer above the root.
        var layered = NamespaceGraph.Of([("Root.cs", root.Replace("Sub.Display.Register();", "")), ("Sub/Display.cs", sub)]);
        Assert.Empty(layered.Cycles());
        var edge = Assert.Single(layered.Edges);
        Assert.Equal(("Demo.Sub", "Demo"), (edge.From, edge.To));
    }

    private static void AssertNoCycle(NamespaceGraph graph)
    {
        // A name the compiler cannot bind (a reference missing here) would hide the uses behind it.
        Assert.True(graph.Unbound.Count == 0, "names the graph could not bind:\n" + string.Join("\n", graph.Unbound));
        var cycles = graph.Cycles();
        Assert.True(cycles.Count == 0, $"{cycles.Count} namespace cycle(s):\n" + string.Join("\n", cycles.Select(graph.Describe)));
    }
}
