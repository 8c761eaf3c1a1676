using DlCourse.Cli.Running;

namespace DlCourse.Tests.Runner;

public class BoundedLinesTests
{
    /// <summary>A reader of <paramref name="filler"/> characters with no newline, then "\nok\nlast": what a hostile worker could send.</summary>
    private sealed class EndlessLine(long filler) : TextReader
    {
        private long left = filler;
        private readonly Queue<char> tail = new("\nok\nlast");

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            int n = 0;
            var span = buffer.Span;
            while (n < span.Length && left > 0) { span[n++] = 'x'; left--; }
            while (n < span.Length && left == 0 && tail.Count > 0) span[n++] = tail.Dequeue();
            return ValueTask.FromResult(n);
        }
    }

    [Fact]
    public async Task A_line_past_the_bound_is_read_through_and_reported_without_being_held()
    {
        var lines = new BoundedLines(new EndlessLine(200_000_000), maxChars: 1_000_000);
        // The reader completes synchronously, so this thread's allocations are all of the reading.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var first = await lines.NextAsync();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal((null, true), first);
        Assert.InRange(allocated, 0, 8L << 20); // 200 M characters went by; a few MB at most were kept
        Assert.Equal(("ok", false), await lines.NextAsync());
        Assert.Equal(("last", false), await lines.NextAsync());
        Assert.Equal((null, false), await lines.NextAsync());
    }

    [Fact]
    public async Task Lines_within_the_bound_come_back_whole()
    {
        var text = new string('a', 999_999);
        var lines = new BoundedLines(new StringReader(text + "\r\nb\n"), maxChars: 1_000_000);
        Assert.Equal((text, false), await lines.NextAsync());
        Assert.Equal(("b", false), await lines.NextAsync());
        Assert.Equal((null, false), await lines.NextAsync());
    }
}
