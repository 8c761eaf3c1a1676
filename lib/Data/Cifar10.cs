using System.Formats.Tar;
using System.IO.Compression;

namespace DlCourse.Data;

/// <summary>
/// CIFAR-10 (32 × 32 colour images, 10 classes) in its binary format: records of one label byte and 3072 pixel bytes
/// (1024 red, 1024 green, 1024 blue, each row-major). Rows of the returned datasets are C×H×W in [0, 1].
/// </summary>
public static class Cifar10
{
    public static Uri Mirror { get; set; } = new("https://www.cs.toronto.edu/~kriz/");

    public const string Archive = "cifar-10-binary.tar.gz";
    public const string ArchiveSha256 = "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd";
    public const int RecordSize = 1 + 3 * 32 * 32;

    public static readonly IReadOnlyList<string> TrainFiles = [.. Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin")];
    public const string TestFile = "test_batch.bin";

    public static readonly IReadOnlyList<string> ClassNames =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>
    /// Loads both parts from <paramref name="cacheFolder"/> (default <see cref="Download.CacheFolder"/>/cifar-10),
    /// downloading and unpacking the archive first when the batch files are not there yet.
    /// </summary>
    public static ImageSet Load(string? cacheFolder = null)
    {
        cacheFolder ??= Path.Combine(Download.CacheFolder, "cifar-10");
        var batches = Path.Combine(cacheFolder, "cifar-10-batches-bin");
        if (!HasAllFiles(batches))
        {
            var archive = Download.Fetch(new Uri(Mirror, Archive), ArchiveSha256, Path.Combine(cacheFolder, Archive));
            Extract(archive, batches);
        }
        return LoadFolder(batches);
    }

    /// <summary>The set if its batch files are already in the cache (no download), else null: for notebooks that fall back to Fashion-MNIST offline.</summary>
    public static ImageSet? TryLoadCached(string? cacheFolder = null)
    {
        var batches = Path.Combine(cacheFolder ?? Path.Combine(Download.CacheFolder, "cifar-10"), "cifar-10-batches-bin");
        return HasAllFiles(batches) ? LoadFolder(batches) : null;
    }

    /// <summary>Reads data_batch_1..5.bin and test_batch.bin from a folder (e.g. unpacked by hand).</summary>
    public static ImageSet LoadFolder(string folder)
    {
        if (!HasAllFiles(folder))
            throw new FileNotFoundException(
                $"CIFAR-10 batch files are missing in {folder} (need {string.Join(", ", TrainFiles)}, {TestFile}): " +
                $"unpack {Archive} from {Mirror} there, or call Cifar10.Load() online.");
        return new ImageSet(ReadBatches(TrainFiles.Select(f => Path.Combine(folder, f))), ReadBatches([Path.Combine(folder, TestFile)]), ClassNames, 32, 32);
    }

    /// <summary>Reads and concatenates binary batch files.</summary>
    public static Dataset ReadBatches(IEnumerable<string> paths)
    {
        var files = paths.ToList();
        foreach (var path in files)
        {
            var length = new FileInfo(path).Length;
            if (length == 0 || length % RecordSize != 0)
                throw new InvalidDataException($"{path} has {length} bytes, not a whole number of {RecordSize}-byte CIFAR-10 records.");
        }
        var count = (int)files.Sum(f => new FileInfo(f).Length / RecordSize);
        var features = new float[(long)count * (RecordSize - 1)];
        var labels = new int[count];
        var n = 0;
        foreach (var path in files)
        {
            var bytes = File.ReadAllBytes(path);
            for (var start = 0; start < bytes.Length; start += RecordSize, n++)
            {
                var label = bytes[start];
                if (label > 9) throw new InvalidDataException($"{path}: record {start / RecordSize} has label {label}; CIFAR-10 labels are 0..9.");
                labels[n] = label;
                var row = features.AsSpan(n * (RecordSize - 1), RecordSize - 1);
                for (var i = 0; i < row.Length; i++) row[i] = bytes[start + 1 + i] / 255f;
            }
        }
        return new Dataset(features, RecordSize - 1, labels, 10);
    }

    /// <summary>Unpacks the .bin files of the archive into <paramref name="folder"/>; files appear whole or not at all.</summary>
    public static void Extract(string archive, string folder)
    {
        Directory.CreateDirectory(folder);
        using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            var name = Path.GetFileName(entry.Name);
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !name.EndsWith(".bin")) continue;
            AtomicFile.Write(Path.Combine(folder, name), file => entry.DataStream?.CopyTo(file));
        }
        if (!HasAllFiles(folder)) throw new InvalidDataException($"{archive} does not contain all CIFAR-10 batch files.");
    }

    private static bool HasAllFiles(string folder) => TrainFiles.Append(TestFile).All(f => File.Exists(Path.Combine(folder, f)));
}
