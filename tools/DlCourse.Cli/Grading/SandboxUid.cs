namespace DlCourse.Cli.Grading;

/// <summary>
/// An unprivileged uid held for one worker: an exclusive lock on a file per uid, so two grading runs on one host (each
/// numbering its slots from 0) never run students as the same uid and so never share its per-uid limits.
/// </summary>
internal sealed class SandboxUid : IDisposable
{
    public const int First = 62000, Count = 1000;
    private readonly FileStream held;

    private SandboxUid(int uid, FileStream held) => (Uid, this.held) = (uid, held);

    public int Uid { get; }

    /// <summary>The first free uid from <c>First + slot</c> on (slot order keeps one run's workers apart without contention), or null when all are held.</summary>
    public static SandboxUid? Lease(int slot)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dlcourse-sandbox-uids");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < Count; i++)
        {
            var uid = First + (slot + i) % Count;
            try { return new SandboxUid(uid, new FileStream(Path.Combine(folder, $"{uid}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)); }
            catch (IOException) { } // held by another worker, in this run or another
        }
        return null;
    }

    public void Dispose() => held.Dispose();
}
