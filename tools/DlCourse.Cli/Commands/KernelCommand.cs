using System.CommandLine;
using DlCourse.Cli.Running;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse kernel</c>: the worker process the runner starts; hidden, not for people.</summary>
public static class KernelCommand
{
    public static Command Create()
    {
        var command = new Command("kernel", "Run the notebook kernel worker (used by the runner).") { Hidden = true };
        command.SetAction(async (_, _) => await KernelWorker.RunAsync());
        return command;
    }
}
