using System.Buffers.Binary;
using System.Text;

namespace VNexsus.Ocr.Rendering;

/// <summary>Reads the pixel size of an encoded image from its header without decoding it.</summary>
public static class ImageHeader
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Pgm = "image/x-portable-graymap";

    public static (int Width, int Height)? SizeOf(ReadOnlySpan<byte> bytes, string mediaType) => mediaType switch
    {
        Png => bytes.Length >= 24 && bytes[12..16].SequenceEqual("IHDR"u8)
            ? (BinaryPrimitives.ReadInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadInt32BigEndian(bytes[20..]))
            : null,
        Jpeg => JpegSize(bytes),
        Pgm => PgmSize(bytes),
        _ => null,
    };

    /// <summary>Metadata (EXIF, ICC profiles) comes before a JPEG's frame header; this much of a file is searched for it.</summary>
    public const int FileHeadBytes = 1 << 20;

    /// <summary>The size of an image file from its first <see cref="FileHeadBytes"/> bytes.</summary>
    public static (int Width, int Height)? SizeOfFile(string path, string mediaType)
    {
        using var file = File.OpenRead(path);
        var head = new byte[(int)Math.Min(file.Length, FileHeadBytes)];
        var length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return SizeOf(head.AsSpan(0, length), mediaType);
    }

    private static (int, int)? JpegSize(ReadOnlySpan<byte> bytes)
    {
        var at = 2;
        while (at + 9 < bytes.Length)
        {
            if (bytes[at] != 0xFF)
            {
                return null;
            }

            var marker = bytes[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]);
            // Start-of-frame markers C0–CF, except DHT (C4), JPG (C8) and DAC (CC), carry the frame size.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 5)..]));
            }

            at += 2 + length;
        }

        return null;
    }

    private static (int, int)? PgmSize(ReadOnlySpan<byte> bytes)
    {
        var header = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 64)]);
        var fields = header.Split((char[])['\n', ' ', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 3 && fields[0] == "P5" && int.TryParse(fields[1], out var width) && int.TryParse(fields[2], out var height)
            ? (width, height)
            : null;
    }
}
