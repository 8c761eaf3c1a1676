using System.Buffers.Binary;
using System.IO.Compression;

namespace DlCourse.Tests.Support;

/// <summary>A decoded 8-bit PNG (RGB or RGBA, not interlaced), enough to inspect the screenshots Chromium writes.</summary>
public sealed record Png(int Width, int Height, byte[] Rgb)
{
    public static Png Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8 || bytes[1] != 'P' || bytes[2] != 'N' || bytes[3] != 'G') throw new InvalidDataException($"{path} is not a PNG");
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (int at = 8; at < bytes.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0) throw new NotSupportedException("only 8-bit, non-interlaced PNGs");
                channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {data[9]}") };
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        int stride = width * channels;
        var previous = new byte[stride];
        var current = new byte[stride];
        var rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= channels ? current[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }
            for (int x = 0; x < width; x++)
                for (int ch = 0; ch < 3; ch++) rgb[(y * width + x) * 3 + ch] = current[x * channels + ch];
            (previous, current) = (current, previous);
        }
        return new Png(width, height, rgb);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Pixels that are not (nearly) white, i.e. where something was drawn.</summary>
    public int CountNonWhite(int threshold = 240)
    {
        int count = 0;
        for (int i = 0; i < Rgb.Length; i += 3)
            if (Rgb[i] < threshold || Rgb[i + 1] < threshold || Rgb[i + 2] < threshold) count++;
        return count;
    }

    /// <summary>Distinct colours (quantised to 5 bits per channel), a rough measure of how much a picture shows.</summary>
    public int CountColours()
    {
        var colours = new HashSet<int>();
        for (int i = 0; i < Rgb.Length; i += 3) colours.Add((Rgb[i] >> 3) << 10 | (Rgb[i + 1] >> 3) << 5 | Rgb[i + 2] >> 3);
        return colours.Count;
    }
}
