using System.Diagnostics;
using DlCourse.Data;

namespace DlCourse.Tests.Data;

/// <summary>CIFAR-10's binary format on small files the test writes; the archive is packed by the system's tar.</summary>
[Collection("Dataset mirrors")]
public sealed class Cifar10Tests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dlcourse-cifar-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Pixel (c, y, x) of record r: a value that differs in every coordinate.</summary>
    private static byte Pixel(int r, int c, int y, int x) => (byte)((r * 31 + c * 80 + y * 5 + x) % 256);

    private static void WriteBatch(string path, params byte[] labels)
    {
        var bytes = new List<byte>();
        for (var r = 0; r < labels.Length; r++)
        {
            bytes.Add(labels[r]);
            for (var c = 0; c < 3; c++)
                for (var y = 0; y < 32; y++)
                    for (var x = 0; x < 32; x++)
                        bytes.Add(Pixel(r, c, y, x));
        }
        File.WriteAllBytes(path, bytes.ToArray());
    }

    private string WriteAllBatches(string batches)
    {
        Directory.CreateDirectory(batches);
        for (var i = 1; i <= 5; i++) WriteBatch(Path.Combine(batches, $"data_batch_{i}.bin"), (byte)i, 0);
        WriteBatch(Path.Combine(batches, "test_batch.bin"), 9, 3, 7);
        return batches;
    }

    [Fact]
    public void Records_become_channel_major_rows_in_unit_range()
    {
        var path = Path.Combine(folder, "one.bin");
        WriteBatch(path, 6, 2);
        var data = Cifar10.ReadBatches([path]);
        Assert.Equal(new[] { 6, 2 }, data.Labels);
        Assert.Equal(3072, data.FeatureCount);
        foreach (var (r, c, y, x) in new[] { (0, 0, 0, 0), (1, 2, 31, 31), (1, 1, 7, 20), (0, 2, 3, 0) })
            Assert.Equal(Pixel(r, c, y, x) / 255f, data[r, c * 1024 + y * 32 + x]);
    }

    [Fact]
    public void A_folder_of_batches_loads_as_train_and_test()
    {
        var set = Cifar10.LoadFolder(WriteAllBatches(Path.Combine(folder, "batches")));
        Assert.Equal(10, set.Train.Count);
        Assert.Equal(new[] { 9, 3, 7 }, set.Test.Labels);
        Assert.Equal("truck", set.ClassNames[9]);
        Assert.Equal((32, 32), (set.Height, set.Width));
    }

    [Fact]
    public void The_archive_unpacks_into_the_batch_files()
    {
        WriteAllBatches(Path.Combine(folder, "src", "cifar-10-batches-bin"));
        var archive = Path.Combine(folder, Cifar10.Archive);
        var tar = Process.Start("tar", ["-czf", archive, "-C", Path.Combine(folder, "src"), "cifar-10-batches-bin"]);
        tar.WaitForExit();
        Assert.Equal(0, tar.ExitCode);

        var target = Path.Combine(folder, "unpacked");
        Cifar10.Extract(archive, target);
        Assert.Equal(new[] { 9, 3, 7 }, Cifar10.LoadFolder(target).Test.Labels);
        Assert.Empty(Directory.GetFiles(target, "*.tmp"));
    }

    [Fact]
    public void Cached_batch_files_load_without_any_download()
    {
        WriteAllBatches(Path.Combine(folder, "cifar-10-batches-bin"));
        var before = Cifar10.Mirror;
        try
        {
            Cifar10.Mirror = new Uri("http://127.0.0.1:9/"); // would fail if used
            Assert.Equal(10, Cifar10.Load(folder).Train.Count);
        }
        finally { Cifar10.Mirror = before; }
    }

    [Fact]
    public void Offline_load_says_where_to_put_the_archive()
    {
        var before = Cifar10.Mirror;
        try
        {
            Cifar10.Mirror = new Uri("http://127.0.0.1:9/"); // the discard port: connection refused
            var error = Assert.Throws<DownloadException>(() => Cifar10.Load(folder));
            Assert.Contains("offline", error.Message);
            Assert.Contains(Path.Combine(folder, Cifar10.Archive), error.Message);
        }
        finally { Cifar10.Mirror = before; }
    }

    [Fact]
    public void A_truncated_batch_is_rejected()
    {
        var path = Path.Combine(folder, "bad.bin");
        File.WriteAllBytes(path, new byte[Cifar10.RecordSize + 5]);
        Assert.Contains("3073", Assert.Throws<InvalidDataException>(() => Cifar10.ReadBatches([path])).Message);
    }
}

[CollectionDefinition("Dataset mirrors", DisableParallelization = true)]
public sealed class DatasetMirrorCollection;
