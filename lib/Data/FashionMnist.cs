namespace DlCourse.Data;

/// <summary>
/// Fashion-MNIST (28 × 28 grey clothing images, 10 classes), pixels scaled to [0, 1]: read from <c>DLCOURSE_FASHION_MNIST</c>,
/// else Debian's <c>dataset-fashion-mnist</c> folder, else downloaded once into the cache (SHA-256 checked).
/// </summary>
public static class FashionMnist
{
    /// <summary>Zalando's own host of the four files, linked from <see cref="OfficialPage"/>.</summary>
    public static readonly Uri OfficialMirror = new("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");
    public const string OfficialPage = "https://github.com/zalandoresearch/fashion-mnist";
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> installs the files.</summary>
    public const string DebianFolder = "/usr/share/datasets/fashion-mnist";
    public const string FolderVariable = "DLCOURSE_FASHION_MNIST";
    public const string MirrorVariable = "DLCOURSE_FASHION_MNIST_MIRROR";

    /// <summary>The four files and their SHA-256 sums (identical in Debian's package and on <see cref="OfficialMirror"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["train-images-idx3-ubyte.gz"] = "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
        ["train-labels-idx1-ubyte.gz"] = "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
        ["t10k-images-idx3-ubyte.gz"] = "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
        ["t10k-labels-idx1-ubyte.gz"] = "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05",
    };

    public static readonly IReadOnlyList<string> ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    private static Uri? mirror;

    /// <summary>Where missing files are downloaded from: the value set here (null restores the default), else <c>DLCOURSE_FASHION_MNIST_MIRROR</c> (a base URL), else <see cref="OfficialMirror"/>.</summary>
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public static Uri Mirror
    {
        get => mirror ?? MirrorFromEnvironment() ?? OfficialMirror;
        set => mirror = value;
    }

    /// <summary>The download cache, <see cref="Download.CacheFolder"/>/fashion-mnist.</summary>
    public static string CacheFolder => Path.Combine(Download.CacheFolder, "fashion-mnist");

    /// <summary>Where <see cref="Load(string?)"/> looks and what it trusts; tests pass a loopback mirror, their files' sums and temporary folders.</summary>
    internal sealed record Sources(string? Variable, string Debian, string Cache, Uri Mirror, IReadOnlyDictionary<string, string> Sums, bool DebianLike)
    {
        public static Sources Current => new(Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder ? folder : null,
            DebianFolder, CacheFolder, FashionMnist.Mirror, Files, OperatingSystem.IsLinux() && File.Exists("/etc/debian_version"));
    }

    private static readonly Dictionary<string, ImageSet> loaded = [];

    /// <summary>Loads both parts (once per process and folder) from <paramref name="folder"/> when given, else from the first source that has them.</summary>
    public static ImageSet Load(string? folder = null) => Load(folder, Sources.Current);

    internal static ImageSet Load(string? folder, Sources sources)
    {
        var chosen = folder ?? sources.Variable;
        var local = chosen ?? (Missing(sources.Debian).Count == 0 ? sources.Debian : null);
        var key = Path.TrimEndingDirectorySeparator(Path.GetFullPath(local ?? sources.Cache));
        lock (loaded)
        {
            if (loaded.TryGetValue(key, out var cached)) return cached;
            if (chosen is not null && Missing(chosen) is { Count: > 0 } missing)
                throw new FileNotFoundException(NotInFolder(chosen, missing, byVariable: folder is null, sources));
            var paths = local is null ? Fetch(sources) : Files.Keys.ToDictionary(name => name, name => Find(local, name)!);
            var set = new ImageSet(
                MnistFormat.ReadPair(paths["train-images-idx3-ubyte.gz"], paths["train-labels-idx1-ubyte.gz"]),
                MnistFormat.ReadPair(paths["t10k-images-idx3-ubyte.gz"], paths["t10k-labels-idx1-ubyte.gz"]),
                ClassNames, 28, 28);
            loaded[key] = set;
            return set;
        }
    }

    /// <summary>Downloads what the cache lacks and checks every file's SHA-256; the path of each of <see cref="Files"/>.</summary>
    private static Dictionary<string, string> Fetch(Sources sources)
    {
        if (Files.Keys.Any(name => !File.Exists(Path.Combine(sources.Cache, name))))
            Console.Error.WriteLine($"downloading Fashion-MNIST (30 MB) from {sources.Mirror} into {sources.Cache}, once; later runs read it from there");
        try
        {
            return Files.Keys.ToDictionary(name => name,
                name => Download.Fetch(new Uri(sources.Mirror, name), sources.Sums[name], Path.Combine(sources.Cache, name)));
        }
        catch (DownloadException e)
        {
            throw new DownloadException($"Fashion-MNIST: {e.Message}\n{Advice(sources)}", e);
        }
    }

    private static string NotInFolder(string folder, List<string> missing, bool byVariable, Sources sources)
    {
        var where = byVariable ? $"{FolderVariable} is set to {folder}, but that folder" : $"Fashion-MNIST is not in {folder}: it";
        var instead = byVariable ? $"or unset {FolderVariable} to use {(sources.DebianLike ? $"{DebianFolder} or " : "")}the download cache {sources.Cache}"
            : "or call FashionMnist.Load() without a folder";
        return $"{where} lacks {string.Join(", ", missing)} (each .gz or unpacked): download the four files from {OfficialPage} into it, {instead}.";
    }

    // Advice that works on this machine: apt only where apt exists.
    private static string Advice(Sources sources) =>
        $"Check the connection, or download the four files ({string.Join(", ", Files.Keys)}) from the official page {OfficialPage} " +
        $"into {sources.Cache}, or set {FolderVariable} to a folder holding them." +
        (sources.DebianLike ? $" On this Debian-like system `sudo apt-get install dataset-fashion-mnist` installs them in {DebianFolder}." : "");

    private static List<string> Missing(string folder) => [.. Files.Keys.Where(name => Find(folder, name) is null)];

    // Hand-placed copies may be unpacked: accept name.gz or name.
    private static string? Find(string folder, string name) =>
        new[] { name, name[..^".gz".Length] }.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);

    private static Uri? MirrorFromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(MirrorVariable) is not { Length: > 0 } url) return null;
        // A base URL without its final slash would lose its last segment in new Uri(base, name).
        return Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri)
            ? uri
            : throw new DownloadException($"{MirrorVariable} is {url}, not an absolute URL such as http://127.0.0.1:8000/: fix or unset it.");
    }
}
