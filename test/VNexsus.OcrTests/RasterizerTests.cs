using System.Globalization;
using System.IO.Compression;
using System.Text;
using VNexsus.Ocr;
using VNexsus.Ocr.Imaging;
using VNexsus.Ocr.Inspection;
using VNexsus.Ocr.Rendering;
using VNexsus.Storage;
using VNexsus.Testing;

namespace VNexsus.OcrTests;

public sealed class RasterizerTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_page_that_is_one_lossless_gray_image_is_read_at_its_own_pixels_without_rendering()
    {
        var image = Gradient(300, 420);
        var document = await StoreAsync(Pdf(image, pageWidth: 216, pageHeight: 302.4, drawnWidth: 216, drawnHeight: 302.4));

        var page = await new PageRasterizer(new BlobStore(new DataDirectory(_directory.Path)), new DocumentLimits()).RenderAsync(document, 1, CancellationToken.None);

        Assert.Equal(ImageHeader.Pgm, page.MediaType);
        Assert.Equal((300, 420), (page.Width, page.Height));
        Assert.Equal(image.Pixels, GrayImage.Decode(page.Bytes, page.MediaType).Pixels); // the samples themselves, not a 300-dpi re-render
    }

    [Fact]
    public async Task A_gray_image_that_is_only_a_figure_on_the_page_is_not_taken_for_the_page()
    {
        var image = Gradient(300, 420);
        var document = await StoreAsync(Pdf(image, pageWidth: 595, pageHeight: 842, drawnWidth: 100, drawnHeight: 140));

        var page = await new PageRasterizer(new BlobStore(new DataDirectory(_directory.Path)), new DocumentLimits()).RenderAsync(document, 1, CancellationToken.None);

        Assert.Equal(ImageHeader.Pgm, page.MediaType);
        Assert.InRange(page.Width, 2477, 2481); // the whole A4 page rendered at 300 dpi by pdftoppm
        Assert.InRange(page.Height, 3506, 3510);
    }

    private static GrayImage Gradient(int width, int height)
    {
        var pixels = new byte[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)((i % width) * 255 / width);
        }

        return new GrayImage(width, height, pixels);
    }

    private async Task<DocumentRef> StoreAsync(byte[] bytes)
    {
        var data = new DataDirectory(_directory.Path);
        var sha = ContentHash.Of(bytes);
        var blob = ContentHash.ShardedPath(data.Blobs, sha);
        Directory.CreateDirectory(Path.GetDirectoryName(blob)!);
        await File.WriteAllBytesAsync(blob, bytes);
        return new DocumentRef(sha, DocumentKind.Pdf, bytes.Length);
    }

    /// <summary>A one-page PDF that draws one Flate-compressed 8-bit DeviceGray image at the given size.</summary>
    private static byte[] Pdf(GrayImage image, double pageWidth, double pageHeight, double drawnWidth, double drawnHeight)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(image.Pixels);
        }

        var content = F($"q {drawnWidth} 0 0 {drawnHeight} 0 0 cm /Im0 Do Q");
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Ascii(F($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pageWidth} {pageHeight}] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>")),
            Stream(F($"<< /Length {content.Length} >>"), Ascii(content)),
            Stream(F($"<< /Type /XObject /Subtype /Image /Width {image.Width} /Height {image.Height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length {compressed.Length} >>"), compressed.ToArray()),
        };
        using var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.4\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii(F($"{i + 1} 0 obj\n")));
            pdf.Write(objects[i]);
            pdf.Write(Ascii("\nendobj\n"));
        }

        var xref = pdf.Position;
        pdf.Write(Ascii(F($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n")));
        foreach (var offset in offsets)
        {
            pdf.Write(Ascii(F($"{offset:0000000000} 00000 n \n")));
        }

        pdf.Write(Ascii(F($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n")));
        return pdf.ToArray();

        static byte[] Stream(string dictionary, byte[] data) => [.. Ascii(dictionary + "\nstream\n"), .. data, .. Ascii("\nendstream")];
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
