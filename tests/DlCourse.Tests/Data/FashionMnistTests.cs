using System.Security.Cryptography;
using DlCourse.Data;
using DlCourse.Tests.Support;
using static DlCourse.Tests.Data.IdxReaderTests;

namespace DlCourse.Tests.Data;

/// <summary>
/// Fashion-MNIST's look-up order and download, on small IDX files the test writes and serves from a loopback server.
/// Non-parallel: one test sets DLCOURSE_FASHION_MNIST, which notebooks run by other tests read, and the server probes a free port.
/// </summary>
[Collection("Dataset mirrors")]
public sealed class FashionMnistTests : IDisposable
{
    private static readonly byte[] TrainLabels = [1, 2, 3], TestLabels = [9, 0];

    /// <summary>Pixel i of image n: differs between images and within one.</summary>
    private static byte Pixel(int n, int i) => (byte)((n * 7 + i) % 256);

    private static byte[] Images(int count) =>
        Idx([count, 28, 28], [.. Enumerable.Range(0, count).SelectMany(n => Enumerable.Range(0, 784).Select(i => Pixel(n, i)))]);

    private static readonly Dictionary<string, byte[]> Served = new()
    {
        ["train-images-idx3-ubyte.gz"] = Gzip(Images(TrainLabels.Length)),
        ["train-labels-idx1-ubyte.gz"] = Gzip(Idx([TrainLabels.Length], TrainLabels)),
        ["t10k-images-idx3-ubyte.gz"] = Gzip(Images(TestLabels.Length)),
        ["t10k-labels-idx1-ubyte.gz"] = Gzip(Idx([TestLabels.Length], TestLabels)),
    };

    private static readonly Dictionary<string, string> Sums =
        Served.ToDictionary(file => file.Key, file => Convert.ToHexStringLower(SHA256.HashData(file.Value)));

    private static readonly Uri ClosedPort = new("http://127.0.0.1:9/");

    private readonly string folder = Directory.CreateTempSubdirectory("dlcourse-fashion-").FullName;
    private readonly LoopbackFileServer server = new(name => Served.GetValueOrDefault(name), "/fashion/");

    public void Dispose()
    {
        server.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Sources with no Debian copy, unless one is given, and this test's cache and mirror.</summary>
    private FashionMnist.Sources Sources(string cache, string? debian = null, Uri? from = null, bool debianLike = false) =>
        new(null, debian ?? Path.Combine(folder, "no-debian"), cache, from ?? server.Url, Sums, debianLike);

    private string WriteFiles(string to, params string[] names)
    {
        Directory.CreateDirectory(to);
        foreach (var name in names) File.WriteAllBytes(Path.Combine(to, name), Served[name]);
        return to;
    }

    private static void AssertTheServedSet(ImageSet set)
    {
        Assert.Equal(TrainLabels.Select(b => (int)b), set.Train.Labels);
        Assert.Equal(TestLabels.Select(b => (int)b), set.Test.Labels);
        Assert.Equal(784, set.Train.FeatureCount);
        foreach (var (n, i) in new[] { (0, 0), (2, 783), (1, 300) })
            Assert.Equal(Pixel(n, i) / 255f, set.Train[n, i]);
        Assert.Equal("Ankle boot", set.ClassNames[9]);
        Assert.Equal((28, 28), (set.Height, set.Width));
    }

    [Fact]
    public void First_load_downloads_into_the_cache_and_the_second_does_not()
    {
        var cache = Path.Combine(folder, "cache", "fashion-mnist");
        var set = FashionMnist.Load(null, Sources(cache));
        AssertTheServedSet(set);
        Assert.Equal(4, server.Requests);
        Assert.Equal(Served.Keys.Order(), Directory.GetFiles(cache).Select(Path.GetFileName).Order());

        Assert.Same(set, FashionMnist.Load(null, Sources(cache)));
        Assert.Equal(4, server.Requests);
    }

    [Fact]
    public void Only_the_files_the_cache_lacks_are_downloaded()
    {
        var cache = WriteFiles(Path.Combine(folder, "cache"), "train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
        AssertTheServedSet(FashionMnist.Load(null, Sources(cache)));
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public void A_corrupted_cached_file_is_reported_with_its_checksum()
    {
        var cache = WriteFiles(Path.Combine(folder, "cache"), [.. Served.Keys]);
        var corrupted = Path.Combine(cache, "train-images-idx3-ubyte.gz");
        File.WriteAllText(corrupted, "not Fashion-MNIST");
        var e = Assert.Throws<DownloadException>(() => FashionMnist.Load(null, Sources(cache)));
        Assert.Contains($"{corrupted} is present but its SHA-256 is", e.Message);
        Assert.Contains("delete it", e.Message);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public void An_unreachable_mirror_says_what_to_do_without_apt_off_debian()
    {
        var cache = Path.Combine(folder, "cache");
        var e = Assert.Throws<DownloadException>(() => FashionMnist.Load(null, Sources(cache, from: ClosedPort)));
        Assert.Contains($"place the file at {Path.Combine(cache, "train-images-idx3-ubyte.gz")}", e.Message);
        Assert.Contains($"Check the connection, or download the four files", e.Message);
        Assert.Contains($"{FashionMnist.OfficialPage} into {cache}, or set DLCOURSE_FASHION_MNIST", e.Message);
        Assert.DoesNotContain("apt", e.Message);

        var onDebian = Assert.Throws<DownloadException>(() => FashionMnist.Load(null, Sources(cache, from: ClosedPort, debianLike: true)));
        Assert.Contains("sudo apt-get install dataset-fashion-mnist", onDebian.Message);
    }

    [Fact]
    public void A_complete_debian_folder_comes_before_the_cache()
    {
        var debian = WriteFiles(Path.Combine(folder, "debian"), [.. Served.Keys]);
        AssertTheServedSet(FashionMnist.Load(null, Sources(Path.Combine(folder, "cache"), debian, ClosedPort)));
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public void An_incomplete_debian_folder_is_passed_over_for_the_cache()
    {
        var debian = WriteFiles(Path.Combine(folder, "debian"), "train-images-idx3-ubyte.gz");
        AssertTheServedSet(FashionMnist.Load(null, Sources(Path.Combine(folder, "cache"), debian)));
        Assert.Equal(4, server.Requests);
    }

    [Fact]
    public void The_variable_naming_an_empty_folder_gets_its_own_error()
    {
        var empty = Directory.CreateDirectory(Path.Combine(folder, "empty")).FullName;
        var e = Assert.Throws<FileNotFoundException>(() => WithVariable(FashionMnist.FolderVariable, empty, () => FashionMnist.Load()));
        Assert.Contains($"DLCOURSE_FASHION_MNIST is set to {empty}, but that folder lacks train-images-idx3-ubyte.gz", e.Message);
        Assert.Contains("or unset DLCOURSE_FASHION_MNIST", e.Message);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public void The_variable_comes_before_debian_and_the_cache()
    {
        var files = WriteFiles(Path.Combine(folder, "mine"), [.. Served.Keys]);
        AssertTheServedSet(WithVariable(FashionMnist.FolderVariable, files, () => FashionMnist.Load()));
    }

    [Fact]
    public void The_mirror_variable_is_a_base_url_and_the_property_overrides_it()
    {
        WithVariable(FashionMnist.MirrorVariable, "http://127.0.0.1:8000/data", () =>
        {
            Assert.Equal(new Uri("http://127.0.0.1:8000/data/"), FashionMnist.Mirror);
            try
            {
                FashionMnist.Mirror = server.Url;
                Assert.Equal(server.Url, FashionMnist.Mirror);
            }
            finally { FashionMnist.Mirror = null; }
            return 0;
        });
        Assert.Equal(FashionMnist.OfficialMirror, FashionMnist.Mirror);
        var e = Assert.Throws<DownloadException>(() => WithVariable(FashionMnist.MirrorVariable, "not a url", () => FashionMnist.Mirror));
        Assert.Contains("DLCOURSE_FASHION_MNIST_MIRROR is not a url", e.Message);
    }

    [Fact]
    public void A_given_folder_may_hold_raw_or_gzip_files()
    {
        var given = WriteFiles(Path.Combine(folder, "given"), "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
        File.WriteAllBytes(Path.Combine(given, "t10k-images-idx3-ubyte"), Images(TestLabels.Length));
        File.WriteAllBytes(Path.Combine(given, "t10k-labels-idx1-ubyte"), Idx([TestLabels.Length], TestLabels));
        AssertTheServedSet(FashionMnist.Load(given));
    }

    [Fact]
    public void A_given_folder_without_the_files_says_so()
    {
        var nowhere = Path.Combine(folder, "nowhere");
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(nowhere));
        Assert.Contains($"Fashion-MNIST is not in {nowhere}", e.Message);
        Assert.Contains(FashionMnist.OfficialPage, e.Message);
        Assert.DoesNotContain("apt", e.Message);
    }

    private static T WithVariable<T>(string name, string value, Func<T> action)
    {
        var previous = Environment.GetEnvironmentVariable(name);
        try
        {
            Environment.SetEnvironmentVariable(name, value);
            return action();
        }
        finally { Environment.SetEnvironmentVariable(name, previous); }
    }
}

/// <summary>The real Fashion-MNIST where this machine has it (Debian's package here and in CI; elsewhere the cache, downloaded once).</summary>
public class InstalledFashionMnistTests
{
    [Fact]
    public void HasTheOfficialShapesBalancedClassesAndUnitPixels()
    {
        var set = FashionMnist.Load();
        Assert.Equal((60_000, 784), (set.Train.Count, set.Train.FeatureCount));
        Assert.Equal((10_000, 784), (set.Test.Count, set.Test.FeatureCount));
        Assert.All(set.Train.ClassCounts(), c => Assert.Equal(6_000, c));
        Assert.All(set.Test.ClassCounts(), c => Assert.Equal(1_000, c));
        Assert.Equal(0f, set.Train.Features.Min());
        Assert.Equal(1f, set.Train.Features.Max());
        Assert.Same(set, FashionMnist.Load());   // loaded once per process
    }
}
