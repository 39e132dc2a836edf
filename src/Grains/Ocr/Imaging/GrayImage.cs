using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using SkiaSharp;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Rendering;

namespace VNexsus.Ocr.Imaging;

/// <summary>
/// An 8-bit gray page image, one byte per pixel, rows top to bottom, in the pixel space of the encoded page it came
/// from (no rotation, no scaling), so boxes found on it are boxes on the page image.
/// </summary>
public sealed class GrayImage
{
    public GrayImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length != (long)width * height)
        {
            throw new ArgumentException($"{pixels.Length} bytes do not make a {width}×{height} image", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public byte this[int x, int y] => Pixels[(y * Width) + x];

    public static GrayImage Blank(int width, int height, byte level = 255)
    {
        var pixels = new byte[width * height];
        Array.Fill(pixels, level);
        return new GrayImage(width, height, pixels);
    }

    /// <summary>
    /// Decodes a page image: binary PGM (what <c>pdftoppm -gray</c> writes) here, JPEG and PNG through Skia
    /// (libjpeg-turbo). Colour is turned to gray by Skia's luma conversion.
    /// </summary>
    /// <exception cref="OcrEngineException">The bytes are not a readable image of the declared type.</exception>
    public static GrayImage Decode(byte[] bytes, string mediaType) =>
        TryDecode(bytes, mediaType) ?? throw new OcrEngineException(OcrFailureKind.InvalidInput, $"the page image ({mediaType}) cannot be decoded");

    /// <summary>Like <see cref="Decode"/>, but null for bytes that are not a readable image of the declared type.</summary>
    public static GrayImage? TryDecode(byte[] bytes, string mediaType) => mediaType == ImageHeader.Pgm ? DecodePgm(bytes) : DecodeWithSkia(bytes);

    /// <summary>Binary PGM (P5, 8 bits): a header of a few bytes, then the pixels; encodes in a copy.</summary>
    public byte[] ToPgm() => Pgm(Width, Height, Pixels);

    /// <summary>
    /// <paramref name="pixels"/> (<paramref name="width"/> × <paramref name="height"/>, rows top to bottom) as binary PGM,
    /// copied once: a page's pixels are millions of bytes.
    /// </summary>
    public static byte[] Pgm(int width, int height, ReadOnlySpan<byte> pixels)
    {
        if (pixels.Length != (long)width * height)
        {
            throw new ArgumentException($"{pixels.Length} bytes do not make a {width}×{height} image", nameof(pixels));
        }

        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P5\n{width} {height}\n255\n"));
        var bytes = new byte[header.Length + pixels.Length];
        header.CopyTo(bytes, 0);
        pixels.CopyTo(bytes.AsSpan(header.Length));
        return bytes;
    }

    /// <summary>The part of the image inside the rectangle, clipped to the image.</summary>
    public GrayImage Crop(int left, int top, int width, int height)
    {
        var x0 = Math.Clamp(left, 0, Width - 1);
        var y0 = Math.Clamp(top, 0, Height - 1);
        var x1 = Math.Clamp(left + width, x0 + 1, Width);
        var y1 = Math.Clamp(top + height, y0 + 1, Height);
        var crop = new byte[(x1 - x0) * (y1 - y0)];
        for (var y = y0; y < y1; y++)
        {
            Pixels.AsSpan((y * Width) + x0, x1 - x0).CopyTo(crop.AsSpan((y - y0) * (x1 - x0)));
        }

        return new GrayImage(x1 - x0, y1 - y0, crop);
    }

    /// <summary>
    /// A band of the image that follows a slope (pixels down per pixel right): column x of the result is column
    /// <paramref name="left"/> + x of the image from row <paramref name="top"/> + slope·x down. A line of text on a turned
    /// page stays inside a band this way across the page, where a level crop of the same height would lose it at one end.
    /// Pixels off the image are white.
    /// </summary>
    public GrayImage CropAlong(int left, int top, int width, int height, double slope)
    {
        var pixels = new byte[width * height];
        Array.Fill(pixels, (byte)255);
        for (var x = 0; x < width; x++)
        {
            var column = left + x;
            if (column < 0 || column >= Width)
            {
                continue;
            }

            var shift = top + (int)Math.Round(slope * x);
            for (var y = Math.Max(0, -shift); y < height && shift + y < Height; y++)
            {
                pixels[(y * width) + x] = Pixels[((shift + y) * Width) + column];
            }
        }

        return new GrayImage(width, height, pixels);
    }

    /// <summary>An integer enlargement (each pixel repeated), used to bring small crops to a size Tesseract reads well.</summary>
    public GrayImage Enlarge(int factor)
    {
        if (factor <= 1)
        {
            return this;
        }

        var width = Width * factor;
        var pixels = new byte[width * Height * factor];
        for (var y = 0; y < Height; y++)
        {
            var row = pixels.AsSpan(y * factor * width, width);
            for (var x = 0; x < Width; x++)
            {
                row.Slice(x * factor, factor).Fill(Pixels[(y * Width) + x]);
            }

            for (var k = 1; k < factor; k++)
            {
                row.CopyTo(pixels.AsSpan(((y * factor) + k) * width, width));
            }
        }

        return new GrayImage(width, Height * factor, pixels);
    }

    /// <summary>
    /// A copy with every column outside <paramref name="fromColumn"/>..<paramref name="toColumn"/> (exclusive) painted the
    /// paper's gray (the level four in five pixels reach: paper, not ink), so what stood there is not read with the rest.
    /// </summary>
    public GrayImage KeepingColumns(int fromColumn, int toColumn)
    {
        var sorted = (byte[])Pixels.Clone();
        Array.Sort(sorted);
        var paper = sorted[(int)(0.8 * (sorted.Length - 1))];
        var pixels = (byte[])Pixels.Clone();
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                if (x < fromColumn || x >= toColumn)
                {
                    pixels[(y * Width) + x] = paper;
                }
            }
        }

        return new GrayImage(Width, Height, pixels);
    }

    /// <summary>The image at half its size, each pixel the mean of a 2×2 block (a last odd row or column is dropped).</summary>
    public GrayImage Halved()
    {
        var width = Math.Max(1, Width / 2);
        var height = Math.Max(1, Height / 2);
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var top = Math.Min(2 * y, Height - 1) * Width;
            var bottom = Math.Min((2 * y) + 1, Height - 1) * Width;
            for (var x = 0; x < width; x++)
            {
                var left = Math.Min(2 * x, Width - 1);
                var right = Math.Min((2 * x) + 1, Width - 1);
                pixels[(y * width) + x] = (byte)((Pixels[top + left] + Pixels[top + right] + Pixels[bottom + left] + Pixels[bottom + right] + 2) / 4);
            }
        }

        return new GrayImage(width, height, pixels);
    }

    /// <summary>
    /// The image at two thirds of its size (300 dpi becomes 200): each 3×3 block becomes 2×2, each new pixel the mean of
    /// the 1.5-pixel square it covers (weights 2/3 and 1/3 along each axis). A last row or column that makes no full
    /// block is dropped.
    /// </summary>
    public GrayImage TwoThirds()
    {
        var width = Width / 3 * 2;
        var height = Height / 3 * 2;
        if (width == 0 || height == 0)
        {
            return this;
        }

        var rows = new byte[width * Height];
        for (var y = 0; y < Height; y++)
        {
            ReduceRow(Pixels.AsSpan(y * Width, width / 2 * 3), rows.AsSpan(y * width, width));
        }

        var pixels = new byte[width * height];
        for (var y = 0; y < height; y += 2)
        {
            var source = y / 2 * 3 * width;
            for (var x = 0; x < width; x++)
            {
                int a = rows[source + x], b = rows[source + width + x], c = rows[source + (2 * width) + x];
                pixels[(y * width) + x] = (byte)(((2 * a) + b + 1) / 3);
                pixels[((y + 1) * width) + x] = (byte)((b + (2 * c) + 1) / 3);
            }
        }

        return new GrayImage(width, height, pixels);
    }

    private static void ReduceRow(ReadOnlySpan<byte> source, Span<byte> target)
    {
        for (int from = 0, to = 0; to < target.Length; from += 3, to += 2)
        {
            int a = source[from], b = source[from + 1], c = source[from + 2];
            target[to] = (byte)(((2 * a) + b + 1) / 3);
            target[to + 1] = (byte)((b + (2 * c) + 1) / 3);
        }
    }

    /// <summary>The image turned clockwise by <paramref name="clockwiseDegrees"/> (0, 90, 180 or 270).</summary>
    public GrayImage Turned(int clockwiseDegrees)
    {
        if (clockwiseDegrees is not (0 or 90 or 180 or 270))
        {
            throw new ArgumentOutOfRangeException(nameof(clockwiseDegrees), clockwiseDegrees, "only quarter turns");
        }

        if (clockwiseDegrees == 0)
        {
            return this;
        }

        var quarter = clockwiseDegrees != 180;
        var (width, height) = quarter ? (Height, Width) : (Width, Height);
        var pixels = new byte[Pixels.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (sourceX, sourceY) = clockwiseDegrees switch
                {
                    90 => (y, Height - 1 - x),
                    180 => (Width - 1 - x, Height - 1 - y),
                    _ => (Width - 1 - y, x),
                };
                pixels[(y * width) + x] = Pixels[(sourceY * Width) + sourceX];
            }
        }

        return new GrayImage(width, height, pixels);
    }

    /// <summary>Copies <paramref name="source"/> into this image with its top-left corner at (x, y); clipped.</summary>
    public void Paste(GrayImage source, int x, int y)
    {
        for (var row = 0; row < source.Height && y + row < Height; row++)
        {
            var count = Math.Min(source.Width, Width - x);
            if (y + row < 0 || count <= 0)
            {
                continue;
            }

            source.Pixels.AsSpan(row * source.Width, count).CopyTo(Pixels.AsSpan(((y + row) * Width) + x));
        }
    }

    private static GrayImage? DecodePgm(byte[] bytes)
    {
        // Header: "P5", width, height, maxval, each separated by whitespace, '#' comments allowed; one whitespace byte
        // then the raster.
        var at = 0;
        var fields = new List<int>(3);
        if (bytes.Length < 2 || bytes[0] != 'P' || bytes[1] != '5')
        {
            return null;
        }

        at = 2;
        while (fields.Count < 3 && at < bytes.Length)
        {
            var c = bytes[at];
            if (c == '#')
            {
                while (at < bytes.Length && bytes[at] != '\n')
                {
                    at++;
                }
            }
            else if (c is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                at++;
            }
            else if (c is >= (byte)'0' and <= (byte)'9')
            {
                var value = 0L;
                while (at < bytes.Length && bytes[at] is >= (byte)'0' and <= (byte)'9' && value < int.MaxValue)
                {
                    value = (value * 10) + (bytes[at++] - '0');
                }

                fields.Add((int)Math.Min(value, int.MaxValue));
            }
            else
            {
                return null;
            }
        }

        at++; // the single whitespace byte after maxval
        if (fields.Count < 3 || fields[2] != 255 || fields[0] <= 0 || fields[1] <= 0 || (long)fields[0] * fields[1] > bytes.Length - at)
        {
            return null;
        }

        return new GrayImage(fields[0], fields[1], bytes.AsSpan(at, fields[0] * fields[1]).ToArray());
    }

    private static GrayImage? DecodeWithSkia(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0 || (long)codec.Info.Width * codec.Info.Height > int.MaxValue)
        {
            return null;
        }

        var gray = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Gray8, SKAlphaType.Opaque);
        var pixels = new byte[gray.Width * gray.Height];
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            var result = codec.GetPixels(gray, handle.AddrOfPinnedObject());
            if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput)
            {
                return new GrayImage(gray.Width, gray.Height, pixels);
            }

            // A colour image: decode in its own format, then let Skia convert the pixels to gray.
            using var bitmap = SKBitmap.Decode(codec);
            using var pixmap = bitmap?.PeekPixels();
            return pixmap is not null && pixmap.ReadPixels(gray, handle.AddrOfPinnedObject(), gray.RowBytes, 0, 0)
                ? new GrayImage(gray.Width, gray.Height, pixels)
                : null;
        }
        finally
        {
            handle.Free();
        }
    }
}
