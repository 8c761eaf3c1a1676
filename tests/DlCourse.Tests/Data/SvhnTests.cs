using System.Diagnostics;
using DlCourse.Data;

namespace DlCourse.Tests.Data;

/// <summary>The MAT-file reader and SVHN loader on small files written by SciPy's savemat (an independent writer).</summary>
[Collection("Dataset mirrors")]
public sealed class SvhnTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dlcourse-svhn-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>X[h, w, c, n] as the Python script fills it.</summary>
    private static byte Pixel(int h, int w, int c, int n) => (byte)((h * 7 + w * 3 + c * 50 + n * 11) % 256);

    private string WriteWithScipy(string name, int count, string labelType, bool compress)
    {
        var path = Path.Combine(folder, name);
        var script = $$"""
            import numpy as np, scipy.io
            h, w, c, n = np.meshgrid(np.arange(32), np.arange(32), np.arange(3), np.arange({{count}}), indexing="ij")
            X = ((h * 7 + w * 3 + c * 50 + n * 11) % 256).astype(np.uint8)
            y = ((np.arange({{count}}) + 9) % 10 + 1).reshape(-1, 1).astype(np.{{labelType}})
            scipy.io.savemat("{{path}}", {"X": X, "y": y, "note": "not numeric"}, do_compression={{(compress ? "True" : "False")}})
            """;
        var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", script]) { RedirectStandardError = true })!;
        var stderr = python.StandardError.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, $"python3 with scipy failed (apt-get install python3-scipy): {stderr}");
        return path;
    }

    [Theory]
    [InlineData("float64", true)]
    [InlineData("float64", false)]
    [InlineData("uint8", true)]
    public void MatFile_reads_scipy_arrays_with_their_matlab_dimensions(string labelType, bool compress)
    {
        var arrays = MatFile.Read(WriteWithScipy("small.mat", 3, labelType, compress));
        Assert.Equal(new[] { 32, 32, 3, 3 }, arrays["X"].Dimensions);
        Assert.Equal("uint8", arrays["X"].ClassName);
        Assert.Equal(new[] { 3, 1 }, arrays["y"].Dimensions);
        Assert.Equal(new double[] { 10, 1, 2 }, arrays["y"].ToDoubles());
        Assert.Equal(Pixel(0, 1, 0, 0), arrays["X"].Bytes[32]); // column-major: stored byte 32 is X(h = 0, w = 1, c = 0, n = 0)
        Assert.False(arrays.ContainsKey("note")); // char arrays are skipped
    }

    [Theory]
    [InlineData("float64")]
    [InlineData("uint8")]
    public void Svhn_rows_are_channel_major_images_and_label_10_is_digit_0(string labelType)
    {
        var data = Svhn.Read(WriteWithScipy("digits.mat", 4, labelType, compress: true));
        Assert.Equal(new[] { 0, 1, 2, 3 }, data.Labels);
        Assert.Equal(3072, data.FeatureCount);
        foreach (var (n, c, h, w) in new[] { (0, 0, 0, 0), (3, 2, 31, 31), (2, 1, 5, 17), (1, 0, 30, 2) })
            Assert.Equal(Pixel(h, w, c, n) / 255f, data[n, c * 1024 + h * 32 + w]);
    }

    [Fact]
    public void Offline_load_names_the_file_to_place_by_hand()
    {
        var before = Svhn.Mirror;
        try
        {
            Svhn.Mirror = new Uri("http://127.0.0.1:9/");
            var error = Assert.Throws<DownloadException>(() => Svhn.Load(folder));
            Assert.Contains(Path.Combine(folder, "train_32x32.mat"), error.Message);
        }
        finally { Svhn.Mirror = before; }
    }

    [Fact]
    public void Not_a_mat_file_is_rejected_clearly()
    {
        var path = Path.Combine(folder, "fake.mat");
        File.WriteAllBytes(path, new byte[200]);
        Assert.Contains("MAT-file", Assert.Throws<InvalidDataException>(() => MatFile.Read(path)).Message);
    }
}
