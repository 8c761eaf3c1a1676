using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace DlCourse.Data;

/// <summary>One numeric array from a MAT-file: its name, MATLAB dimensions (column-major) and values.</summary>
public sealed record MatArray(string Name, int[] Dimensions, string ClassName, Array Data)
{
    /// <summary>Number of elements, the product of the dimensions.</summary>
    public long Count => Dimensions.Aggregate(1L, (a, d) => a * d);

    /// <summary>The values as bytes; only for uint8 arrays, which keep their stored bytes.</summary>
    public byte[] Bytes => Data as byte[] ?? throw new InvalidDataException($"{Name} is {ClassName}, not uint8.");

    /// <summary>The values converted to double (column-major order, as MATLAB stores them).</summary>
    public double[] ToDoubles() => Data switch
    {
        double[] d => d,
        byte[] b => b.Select(v => (double)v).ToArray(),
        _ => throw new InvalidDataException($"{Name}: unexpected storage {Data.GetType().Name}"),
    };
}

/// <summary>
/// A minimal reader for MATLAB level-5 MAT-files (little-endian; plain or zlib-compressed elements; real numeric arrays).
/// Hand-written because the mirror has no maintained .NET MAT reader (MathNet.Numerics.Data.Matlab is not on it, and
/// reads only 2-D matrices anyway) and SVHN's cropped digits need just this much: a uint8 X of 32×32×3×N and a label y.
/// Cell, struct, sparse, char and complex arrays are skipped.
/// </summary>
public static class MatFile
{
    private const int MiInt8 = 1, MiUInt8 = 2, MiInt16 = 3, MiUInt16 = 4, MiInt32 = 5, MiUInt32 = 6, MiSingle = 7, MiDouble = 9,
        MiInt64 = 12, MiUInt64 = 13, MiMatrix = 14, MiCompressed = 15;

    private static readonly string[] ClassNames =
        ["", "cell", "struct", "object", "char", "sparse", "double", "single", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"];

    /// <summary>All numeric arrays in the file, by name.</summary>
    public static IReadOnlyDictionary<string, MatArray> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No MAT-file at {path}.", path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public static IReadOnlyDictionary<string, MatArray> Read(Stream stream, string what = "MAT-file")
    {
        var header = new byte[128];
        stream.ReadExactly(header);
        if (!Encoding.ASCII.GetString(header, 0, 10).StartsWith("MATLAB 5.0"))
            throw new InvalidDataException($"{what} is not a MATLAB level-5 MAT-file (v7.3 files are HDF5 and not supported).");
        if (header[126] != (byte)'I' || header[127] != (byte)'M')
            throw new InvalidDataException($"{what} is big-endian; only little-endian MAT-files are supported.");

        var arrays = new Dictionary<string, MatArray>();
        var tag = new byte[8];
        while (stream.ReadAtLeast(tag, 8, throwOnEndOfStream: false) == 8)
        {
            var type = BinaryPrimitives.ReadInt32LittleEndian(tag);
            var size = BinaryPrimitives.ReadInt32LittleEndian(tag.AsSpan(4));
            var body = new byte[size];
            stream.ReadExactly(body);
            if (type == MiCompressed)
            {
                // A compressed element holds one ordinary element (tag and data) behind a zlib header.
                using var inflated = new ZLibStream(new MemoryStream(body), CompressionMode.Decompress);
                var innerTag = new byte[8];
                inflated.ReadExactly(innerTag);
                var innerBody = new byte[BinaryPrimitives.ReadInt32LittleEndian(innerTag.AsSpan(4))];
                inflated.ReadExactly(innerBody);
                (type, body) = (BinaryPrimitives.ReadInt32LittleEndian(innerTag), innerBody);
            }
            else if (size % 8 != 0)
            {
                stream.ReadExactly(new byte[8 - size % 8]);
            }
            if (type == MiMatrix && ParseMatrix(body, what) is { } array) arrays[array.Name] = array;
        }
        return arrays;
    }

    private static MatArray? ParseMatrix(byte[] body, string what)
    {
        var position = 0;
        var (_, flags) = Element(body, ref position, what);
        var classId = flags[0];
        var complex = (flags[1] & 0x08) != 0;
        var (_, dims) = Element(body, ref position, what);
        var dimensions = Enumerable.Range(0, dims.Length / 4).Select(i => BinaryPrimitives.ReadInt32LittleEndian(dims.AsSpan(4 * i))).ToArray();
        var (_, name) = Element(body, ref position, what);
        var arrayName = Encoding.ASCII.GetString(name);
        if (classId is < 6 or > 15 || complex) return null;
        var (storedType, real) = Element(body, ref position, what);
        var className = ClassNames[classId];
        var count = dimensions.Aggregate(1L, (a, d) => a * d);
        Array data = className == "uint8" && storedType == MiUInt8 ? real : ToDoubles(storedType, real, what, arrayName);
        if (data.LongLength != count)
            throw new InvalidDataException($"{what}: {arrayName} has {data.LongLength} values for dimensions {string.Join("×", dimensions)}.");
        return new MatArray(arrayName, dimensions, className, data);
    }

    /// <summary>One sub-element: the long form (8-byte tag, data padded to 8) or the small form (data packed into the tag).</summary>
    private static (int Type, byte[] Data) Element(byte[] body, ref int position, string what)
    {
        if (position + 8 > body.Length) throw new InvalidDataException($"{what} is truncated inside an array.");
        var first = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(position));
        if (first >> 16 != 0)
        {
            var smallSize = first >> 16;
            var small = body.AsSpan(position + 4, smallSize).ToArray();
            position += 8;
            return (first & 0xFFFF, small);
        }
        var size = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(position + 4));
        if (position + 8 + (long)size > body.Length) throw new InvalidDataException($"{what} is truncated inside an array.");
        var data = body.AsSpan(position + 8, size).ToArray();
        position += 8 + (size + 7) / 8 * 8;
        return (first, data);
    }

    private static double[] ToDoubles(int type, byte[] data, string what, string name)
    {
        var width = type switch
        {
            MiInt8 or MiUInt8 => 1, MiInt16 or MiUInt16 => 2, MiInt32 or MiUInt32 or MiSingle => 4, MiDouble or MiInt64 or MiUInt64 => 8,
            _ => throw new InvalidDataException($"{what}: {name} has unsupported element type {type}."),
        };
        var values = new double[data.Length / width];
        var span = data.AsSpan();
        for (var i = 0; i < values.Length; i++)
        {
            var at = span.Slice(i * width, width);
            values[i] = type switch
            {
                MiInt8 => (sbyte)at[0],
                MiUInt8 => at[0],
                MiInt16 => BinaryPrimitives.ReadInt16LittleEndian(at),
                MiUInt16 => BinaryPrimitives.ReadUInt16LittleEndian(at),
                MiInt32 => BinaryPrimitives.ReadInt32LittleEndian(at),
                MiUInt32 => BinaryPrimitives.ReadUInt32LittleEndian(at),
                MiSingle => BinaryPrimitives.ReadSingleLittleEndian(at),
                MiDouble => BinaryPrimitives.ReadDoubleLittleEndian(at),
                MiInt64 => BinaryPrimitives.ReadInt64LittleEndian(at),
                _ => BinaryPrimitives.ReadUInt64LittleEndian(at),
            };
        }
        return values;
    }
}
