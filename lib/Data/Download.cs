using System.Security.Cryptography;

namespace DlCourse.Data;

/// <summary>Thrown when a data file cannot be downloaded or fails its checksum; the message says where to place the file by hand.</summary>
public sealed class DownloadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Downloads a file once into a cache, checks its SHA-256 and writes it atomically (temporary file, then rename).</summary>
public static class Download
{
    /// <summary>The cache folder: <c>DLCOURSE_DATA</c> when set, else <c>~/.cache/dlcourse</c>.</summary>
    public static string CacheFolder =>
        Environment.GetEnvironmentVariable("DLCOURSE_DATA") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "dlcourse");

    /// <summary>How long one download may take before it counts as offline.</summary>
    public static TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Returns <paramref name="cachePath"/>, downloading <paramref name="uri"/> there first unless a file with the
    /// expected SHA-256 (hex; null skips the check) is already present.
    /// </summary>
    public static string Fetch(Uri uri, string? sha256, string cachePath)
    {
        cachePath = Path.GetFullPath(cachePath);
        if (File.Exists(cachePath))
        {
            if (sha256 is null || Matches(cachePath, sha256)) return cachePath;
            throw new DownloadException(
                $"{cachePath} is present but its SHA-256 is {Sha256Of(cachePath)}, not {sha256}: delete it to download {uri} again.");
        }

        try
        {
            using var client = new HttpClient { Timeout = Timeout };
            using var response = client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
            response.EnsureSuccessStatusCode();
            using var body = response.Content.ReadAsStream();
            AtomicFile.Write(cachePath, body.CopyTo, verify: downloaded =>
            {
                if (sha256 is not null && !Matches(downloaded, sha256))
                    throw new DownloadException(
                        $"downloaded {uri} but its SHA-256 is {Sha256Of(downloaded)}, not {sha256}: the mirror may have changed; place the right file at {cachePath}.");
            });
            return cachePath;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new DownloadException($"could not download {Path.GetFileName(cachePath)} from {uri}: offline? place the file at {cachePath} ({e.Message})", e);
        }
    }

    /// <summary>The SHA-256 of a file, as lower-case hex.</summary>
    public static string Sha256Of(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    private static bool Matches(string path, string sha256) =>
        string.Equals(Sha256Of(path), sha256.Trim(), StringComparison.OrdinalIgnoreCase);
}
