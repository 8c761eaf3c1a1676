namespace DlCourse.Data;

/// <summary>MNIST handwritten digits, downloaded once into the cache (SHA-256 checked); use <see cref="FashionMnist"/> where offline.</summary>
public static class Mnist
{
    public static Uri Mirror { get; set; } = new("https://ossci-datasets.s3.amazonaws.com/mnist/");

    /// <summary>The four files and their SHA-256 sums.</summary>
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["train-images-idx3-ubyte.gz"] = "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
        ["train-labels-idx1-ubyte.gz"] = "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
        ["t10k-images-idx3-ubyte.gz"] = "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
        ["t10k-labels-idx1-ubyte.gz"] = "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
    };

    /// <summary>Downloads what is missing into <paramref name="cacheFolder"/> (default <see cref="Download.CacheFolder"/>/mnist) and loads both parts.</summary>
    public static ImageSet Load(string? cacheFolder = null)
    {
        cacheFolder ??= Path.Combine(Download.CacheFolder, "mnist");
        string Get(string name) => Download.Fetch(new Uri(Mirror, name), Files[name], Path.Combine(cacheFolder, name));
        return new ImageSet(
            MnistFormat.ReadPair(Get("train-images-idx3-ubyte.gz"), Get("train-labels-idx1-ubyte.gz")),
            MnistFormat.ReadPair(Get("t10k-images-idx3-ubyte.gz"), Get("t10k-labels-idx1-ubyte.gz")),
            Enumerable.Range(0, 10).Select(d => d.ToString()).ToArray(), 28, 28);
    }
}
