using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DlCourse.Cli.Running;

/// <summary>
/// The worker's end of the runner's pipes, moved off the standard descriptors before any cell runs: afterwards fd 0
/// reads <c>/dev/null</c> and fd 1 writes to stderr, so code in a cell that reads stdin or writes the raw stdout
/// reaches neither the runner's next request (a hidden test) nor the answers the runner trusts.
/// </summary>
internal static class PrivateChannel
{
    private const int DupCloseOnExec = 1030; // F_DUPFD_CLOEXEC: processes the cell starts do not inherit the copies
    private const int ReadWrite = 2;

    public static (Stream Requests, Stream Answers) Open()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return (Console.OpenStandardInput(), Console.OpenStandardOutput());
        int requests = Check(fcntl(0, DupCloseOnExec, 3), "copy stdin");
        int answers = Check(fcntl(1, DupCloseOnExec, 3), "copy stdout");
        int devNull = Check(open("/dev/null", ReadWrite), "open /dev/null");
        Check(dup2(devNull, 0), "point stdin at /dev/null");
        Check(dup2(2, 1), "point stdout at stderr");
        close(devNull);
        return (new FileStream(new SafeFileHandle((IntPtr)requests, ownsHandle: true), FileAccess.Read, 1),
                new FileStream(new SafeFileHandle((IntPtr)answers, ownsHandle: true), FileAccess.Write, 1));
    }

    private static int Check(int result, string what) =>
        result >= 0 ? result : throw new IOException($"the worker could not {what} (errno {Marshal.GetLastPInvokeError()})");

    [DllImport("libc", SetLastError = true)] private static extern int fcntl(int fd, int command, int argument);
    [DllImport("libc", SetLastError = true)] private static extern int dup2(int from, int to);
    [DllImport("libc", SetLastError = true)] private static extern int open(string path, int flags);
    [DllImport("libc", SetLastError = true)] private static extern int close(int fd);
}
