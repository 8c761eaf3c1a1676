namespace DlCourse.Cli.Grading;

/// <summary>
/// An unprivileged uid held for one worker: an exclusive lock (<c>flock</c>) on a file per uid in one folder for the whole
/// host, so two grading runs on one host (each numbering its slots from 0, whatever their <c>TMPDIR</c>) never run
/// students as the same uid and so never share its per-uid limits. The lock goes with the process that holds it.
/// </summary>
internal sealed class SandboxUid : IDisposable
{
    public const int First = 62000, Count = 1000;

    /// <summary>
    /// The lock files' folder: fixed rather than under the temp folder (which <c>TMPDIR</c> moves), and root's (leases are
    /// taken only by a root grader): in a world-writable <c>/tmp</c> another user could make it and hold every lock, and
    /// the workers would run as the grader's user. Folder and files are the owner's alone, so no worker can hold a lock.
    /// </summary>
    public const string Folder = "/run/dlcourse-sandbox-uids";

    private readonly FileStream held;

    private SandboxUid(int uid, FileStream held) => (Uid, this.held) = (uid, held);

    public int Uid { get; }

    public static string LockFile(int uid) => Path.Combine(Folder, $"{uid}.lock");

    /// <summary>The first free uid from <c>First + slot</c> on (slot order keeps one run's workers apart without contention), or null when all are held.</summary>
    public static SandboxUid? Lease(int slot)
    {
        if (OperatingSystem.IsWindows()) return null;
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Directory.CreateDirectory(Folder, owner | UnixFileMode.UserExecute);
        for (var i = 0; i < Count; i++)
        {
            var uid = First + (slot + i) % Count;
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, UnixCreateMode = owner };
            try { return new SandboxUid(uid, new FileStream(LockFile(uid), options)); }
            catch (IOException) { } // held by another worker, in this run or another
        }
        return null;
    }

    public void Dispose() => held.Dispose();
}
