using System.Buffers.Binary;
using System.IO.Compression;

namespace DlCourse.Data;

/// <summary>An n-dimensional array of bytes read from an IDX file: <see cref="Shape"/> (e.g. [60000, 28, 28]) and the values in row-major order.</summary>
public sealed record IdxArray(int[] Shape, byte[] Data)
{
    /// <summary>Number of items along the first dimension (images or labels).</summary>
    public int Count => Shape[0];

    /// <summary>Values per item: the product of every dimension but the first (784 for 28 × 28 images, 1 for labels).</summary>
    public int ItemSize => Shape.Skip(1).Aggregate(1, (a, b) => a * b);
}

/// <summary>Reads the IDX format of MNIST and Fashion-MNIST, gzip-compressed or raw (told apart by their first bytes).</summary>
public static class IdxReader
{
    private const byte UnsignedByte = 0x08;

    public static IdxArray Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"IDX file not found: {path}", path);
        using var file = File.OpenRead(path);
        try { return Read(file); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
    }

    /// <summary>Reads from a stream positioned at the start of the file; gzip is detected by the magic bytes 1f 8b.</summary>
    public static IdxArray Read(Stream stream)
    {
        var buffered = new BufferedStream(stream);
        var head = new byte[2];
        buffered.ReadExactly(head);
        var rest = new PrefixedStream(head, buffered);
        Stream source = head[0] == 0x1f && head[1] == 0x8b ? new GZipStream(rest, CompressionMode.Decompress) : rest;
        return ReadRaw(source);
    }

    private static IdxArray ReadRaw(Stream source)
    {
        var magic = new byte[4];
        ReadAll(source, magic, "header");
        if (magic[0] != 0 || magic[1] != 0)
            throw new InvalidDataException("not an IDX file (the first two bytes of its magic number must be zero)");
        if (magic[2] != UnsignedByte)
            throw new InvalidDataException($"IDX element type 0x{magic[2]:x2} is not supported (only unsigned bytes, 0x08, as in MNIST)");
        int rank = magic[3];
        if (rank is < 1 or > 4) throw new InvalidDataException($"IDX rank {rank} is out of range 1–4");

        var shape = new int[rank];
        var dimension = new byte[4];
        long total = 1;
        for (int i = 0; i < rank; i++)
        {
            ReadAll(source, dimension, "dimensions");
            shape[i] = BinaryPrimitives.ReadInt32BigEndian(dimension);
            if (shape[i] < 0) throw new InvalidDataException($"IDX dimension {i} is negative");
            total *= shape[i];
        }
        if (total > Array.MaxLength) throw new InvalidDataException($"IDX array of {total} values is too large");

        var data = new byte[total];
        ReadAll(source, data, "data");
        return new IdxArray(shape, data);
    }

    private static void ReadAll(Stream source, byte[] buffer, string part)
    {
        int read = source.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length)
            throw new InvalidDataException($"IDX file is truncated in its {part} ({read} of {buffer.Length} bytes)");
    }

    /// <summary>Replays the bytes already read to sniff the format, then the rest of the stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream inner) : Stream
    {
        private int position;
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            if (position < prefix.Length)
            {
                int n = Math.Min(buffer.Length, prefix.Length - position);
                prefix.AsSpan(position, n).CopyTo(buffer);
                position += n;
                return n;
            }
            return inner.Read(buffer);
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
