using System.CommandLine;
using System.Text.Json.Nodes;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Screening;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse may-use SOURCE... [--write]</c>: what each question's solution cells may use of the code that computes answers.</summary>
public static class MayUseCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Source notebooks, or folders searched for .ipynb files.", Arity = ArgumentArity.OneOrMore };
        var write = new Option<bool>("--write") { Description = "Add what the solutions use to each notebook's \"solution_may_use\" (entries already there stay; an empty list is written too)." };
        var command = new Command("may-use", "List what each source notebook's solutions use of the course library and TorchSharp, and what its metadata allows.") { paths, write };
        command.SetAction(r => Run(r.GetValue(paths)!, r.GetValue(write)));
        return command;
    }

    public static int Run(IEnumerable<string> paths, bool write)
    {
        IReadOnlyList<NotebookPath> found;
        try { found = NotebookPaths.Expand(paths); }
        catch (NotebookFormatException e) { return Exit.Refuse("may-use", e.Message); }
        int missing = 0;
        foreach (var path in found)
        {
            var notebook = Notebook.Load(path.Source);
            var listed = QuestionLibrary.Listed(notebook);
            var used = SubmissionAssembler.LibraryUsedBySolutions(notebook, Path.GetDirectoryName(Path.GetFullPath(path.Source))!);
            var absent = used.Where(u => !QuestionLibrary.Covers(listed, u)).ToList();
            Console.WriteLine($"{path.Relative}: {listed.Count} allowed; the solutions use {used.Count}" + (absent.Count == 0 ? "" : $", {absent.Count} not listed: {string.Join(", ", absent)}"));
            bool stated = notebook.Metadata["dlcourse"]?[QuestionLibrary.MetadataKey] is JsonArray;
            if (absent.Count == 0 && stated) continue;
            if (!write) { missing += absent.Count > 0 ? 1 : 0; continue; }
            var dlcourse = notebook.Metadata["dlcourse"] as JsonObject ?? (JsonObject)(notebook.Metadata["dlcourse"] = new JsonObject());
            dlcourse[QuestionLibrary.MetadataKey] = new JsonArray([.. listed.Concat(absent).Order(StringComparer.Ordinal).Select(s => (JsonNode)s)]);
            notebook.Save(path.Source);
        }
        return Exit.Of(missing);
    }
}
