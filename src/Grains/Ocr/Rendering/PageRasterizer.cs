using System.Globalization;
using UglyToad.PdfPig;
using VNexsus.Ocr.Engines;
using VNexsus.Storage;

namespace VNexsus.Ocr.Rendering;

/// <summary>
/// Produces the image of one page for OCR. An uploaded image is used as it is. A scanned PDF page that holds exactly
/// one JPEG is read at its native resolution straight from the file (no rendering: 14 ms instead of 170 ms a page);
/// any other page is rendered by poppler's <c>pdftoppm</c> to 8-bit gray PGM, never PNG, whose encoding of a noisy
/// scan costs seconds (ocr-notes.md §4).
/// </summary>
public sealed class PageRasterizer(BlobStore blobs)
{
    public const int RenderDpi = 300;

    public static readonly TimeSpan RenderTimeLimit = TimeSpan.FromMinutes(1);

    public async Task<PageImage> RenderAsync(DocumentRef document, int page, CancellationToken cancellationToken)
    {
        var path = blobs.PathOf(document.Sha256);
        switch (document.Kind)
        {
            case DocumentKind.Png:
                return Encoded(await File.ReadAllBytesAsync(path, cancellationToken), ImageHeader.Png);
            case DocumentKind.Jpeg:
                return Encoded(await File.ReadAllBytesAsync(path, cancellationToken), ImageHeader.Jpeg);
            case DocumentKind.Pdf:
                return EmbeddedJpeg(path, page) ?? await RenderPdfPageAsync(path, page, cancellationToken);
            default:
                throw new OcrEngineException(OcrFailureKind.InvalidInput, $"a {document.Kind} document has no page images");
        }
    }

    private static PageImage Encoded(byte[] bytes, string mediaType) =>
        ImageHeader.SizeOf(bytes, mediaType) is { } size
            ? new PageImage(bytes, mediaType, size.Width, size.Height)
            : throw new OcrEngineException(OcrFailureKind.InvalidInput, "the image header cannot be read");

    private static PageImage? EmbeddedJpeg(string path, int page)
    {
        using var pdf = PdfDocument.Open(path);
        var images = pdf.GetPage(page).GetImages().Take(2).ToList();
        if (images.Count != 1)
        {
            return null;
        }

        var raw = images[0].RawMemory.ToArray();
        return raw.AsSpan().StartsWith((byte[])[0xFF, 0xD8, 0xFF]) && ImageHeader.SizeOf(raw, ImageHeader.Jpeg) is { } size
            ? new PageImage(raw, ImageHeader.Jpeg, size.Width, size.Height)
            : null;
    }

    private static async Task<PageImage> RenderPdfPageAsync(string path, int page, CancellationToken cancellationToken)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        string[] arguments = ["-r", RenderDpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", number, "-l", number, "-singlefile", path];
        return Encoded(await ExternalTool.RunAsync("pdftoppm", arguments, null, RenderTimeLimit, cancellationToken), ImageHeader.Pgm);
    }
}
