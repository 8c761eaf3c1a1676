using System.Buffers.Binary;
using System.IO.Compression;
using DlCourse.Data;

namespace DlCourse.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dlcourse-idx-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Bytes of an IDX file of unsigned bytes, written by hand from the format's definition.</summary>
    internal static byte[] Idx(int[] shape, byte[] data, byte type = 0x08)
    {
        var bytes = new List<byte> { 0, 0, type, (byte)shape.Length };
        foreach (var dimension in shape)
        {
            var b = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(b, dimension);
            bytes.AddRange(b);
        }
        bytes.AddRange(data);
        return bytes.ToArray();
    }

    internal static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(bytes);
        return output.ToArray();
    }

    private static readonly byte[] ThreeImages = Enumerable.Range(0, 3 * 2 * 2).Select(i => (byte)(i * 20)).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsImagesRawAndGzip(bool gzip)
    {
        var path = Path.Combine(folder, "images");
        var bytes = Idx([3, 2, 2], ThreeImages);
        File.WriteAllBytes(path, gzip ? Gzip(bytes) : bytes);

        var array = IdxReader.Read(path);

        Assert.Equal([3, 2, 2], array.Shape);
        Assert.Equal(3, array.Count);
        Assert.Equal(4, array.ItemSize);
        Assert.Equal(ThreeImages, array.Data);
    }

    [Fact]
    public void PairsImagesWithLabelsScaledToUnitInterval()
    {
        File.WriteAllBytes(Path.Combine(folder, "img.gz"), Gzip(Idx([3, 2, 2], ThreeImages)));
        File.WriteAllBytes(Path.Combine(folder, "lab"), Idx([3], [7, 0, 9]));

        var data = MnistFormat.ReadPair(Path.Combine(folder, "img.gz"), Path.Combine(folder, "lab"));

        Assert.Equal(3, data.Count);
        Assert.Equal(4, data.FeatureCount);
        Assert.Equal([7, 0, 9], data.Labels);
        Assert.Equal(10, data.ClassCount);
        Assert.Equal(ThreeImages[5] / 255f, data[1, 1]);
    }

    [Fact]
    public void RejectsMismatchedCounts()
    {
        File.WriteAllBytes(Path.Combine(folder, "img"), Idx([3, 2, 2], ThreeImages));
        File.WriteAllBytes(Path.Combine(folder, "lab"), Idx([2], [1, 2]));
        var e = Assert.Throws<InvalidDataException>(() => MnistFormat.ReadPair(Path.Combine(folder, "img"), Path.Combine(folder, "lab")));
        Assert.Contains("3 images", e.Message);
    }

    [Fact]
    public void TruncatedFileSaysWhere()
    {
        var path = Path.Combine(folder, "short");
        File.WriteAllBytes(path, Idx([3, 2, 2], ThreeImages)[..^2]);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));
        Assert.Contains("truncated", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void RejectsOtherFilesAndTypes()
    {
        var path = Path.Combine(folder, "text");
        File.WriteAllText(path, "hello world");
        Assert.Contains("not an IDX file", Assert.Throws<InvalidDataException>(() => IdxReader.Read(path)).Message);
        File.WriteAllBytes(path, Idx([1], [0, 0, 0, 0], type: 0x0D));
        Assert.Contains("0x0d", Assert.Throws<InvalidDataException>(() => IdxReader.Read(path)).Message);
        Assert.Throws<FileNotFoundException>(() => IdxReader.Read(Path.Combine(folder, "absent")));
    }
}
