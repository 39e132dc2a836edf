using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics.Colors;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Inspection;
using VNexsus.Storage;

namespace VNexsus.Ocr.Rendering;

/// <summary>
/// Produces the image of one page for OCR. An uploaded image is used as it is. A scanned PDF page that holds exactly
/// one JPEG is read at its native resolution straight from the file (no rendering: 14 ms instead of 170 ms a page), and
/// one lossless 8-bit gray image (Flate) is inflated in-process into a PGM at its native resolution (no pdftoppm process;
/// its stream passed <see cref="PdfStreamGuard"/>'s inflation limit when the document was read); any other page is rendered by poppler's <c>pdftoppm</c> to 8-bit gray PGM, never PNG, whose encoding of a noisy
/// scan costs seconds (ocr-notes.md §4). Every image is measured from its header against <see cref="DocumentLimits"/>
/// before anything decodes it; a page too large for the pixel limits at 300 dpi is rendered at the resolution that fits.
/// </summary>
public sealed class PageRasterizer(BlobStore blobs, DocumentLimits limits)
{
    public const int RenderDpi = 300;

    /// <summary>Below this a page's text is too small to read; such a page is refused rather than rendered.</summary>
    public const int MinimumDpi = 36;

    private const double PointsPerInch = 72;

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
                // Parsing the PDF (and inflating a lossless scan) is CPU work: off the calling grain's turn, which
                // held a pool thread for seconds on a busy silo.
                var (embedded, dpi) = await Task.Run(() => Inspect(path, page), cancellationToken);
                return embedded ?? await RenderPdfPageAsync(path, page, dpi, cancellationToken);
            default:
                throw new OcrEngineException(OcrFailureKind.InvalidInput, $"a {document.Kind} document has no page images");
        }
    }

    private PageImage Encoded(byte[] bytes, string mediaType)
    {
        var size = ImageHeader.SizeOf(bytes, mediaType)
            ?? throw new OcrEngineException(OcrFailureKind.InvalidInput, "이미지 머리글을 읽을 수 없습니다 (the image header cannot be read)");
        return limits.ImageSizeProblem(size.Width, size.Height) is { } problem
            ? throw new OcrEngineException(OcrFailureKind.InvalidInput, problem)
            : new PageImage(bytes, mediaType, size.Width, size.Height);
    }

    /// <summary>The page's single embedded JPEG when it is a plain scan, and the resolution to render it at otherwise.</summary>
    private (PageImage? Embedded, int Dpi) Inspect(string path, int number)
    {
        using var pdf = PdfDocument.Open(path);
        var page = pdf.GetPage(number);
        var images = page.GetImages().Take(2).ToList();
        var raw = images.Count == 1 ? images[0].RawMemory.ToArray() : [];
        var embedded = raw.AsSpan().StartsWith((byte[])[0xFF, 0xD8, 0xFF]) && ImageHeader.SizeOf(raw, ImageHeader.Jpeg) is not null
            ? Encoded(raw, ImageHeader.Jpeg)
            : images.Count == 1 && CoversPage(images[0], page) ? LosslessGray(images[0]) : null;
        return (embedded, embedded is null ? DpiFor(page.Width, page.Height) : RenderDpi);
    }

    /// <summary>Whether the image is the page (a scan) rather than a figure on it, whose pixels alone would lose the rest.</summary>
    private static bool CoversPage(IPdfImage image, Page page) =>
        image.BoundingBox.Width * image.BoundingBox.Height >= 0.9 * page.Width * page.Height;

    /// <summary>
    /// A plain 8-bit DeviceGray image (no mask, default decode) as PGM, or null for anything else (colour, bit depths,
    /// masks, filters PdfPig cannot undo), which pdftoppm renders instead. The size is checked before inflating.
    /// </summary>
    private PageImage? LosslessGray(IPdfImage image)
    {
        var (width, height) = (image.WidthInSamples, image.HeightInSamples);
        var plain = image is { BitsPerComponent: 8, IsImageMask: false, MaskImage: null, ColorSpaceDetails.Type: ColorSpace.DeviceGray }
            && image.Decode is null or [] or [0, 1];
        if (!plain || width <= 0 || height <= 0 || limits.ImageSizeProblem(width, height) is not null
            || !image.TryGetBytesAsMemory(out var samples) || samples.Length != (long)width * height)
        {
            return null;
        }

        return Encoded(Imaging.GrayImage.Pgm(width, height, samples.Span), ImageHeader.Pgm);
    }

    /// <summary>300 dpi, or less when the page at 300 dpi would exceed the pixel limits (a poster-sized page).</summary>
    private int DpiFor(double widthPoints, double heightPoints)
    {
        var widthInches = Math.Max(widthPoints, 1) / PointsPerInch;
        var heightInches = Math.Max(heightPoints, 1) / PointsPerInch;
        var dpi = Math.Min(RenderDpi, Math.Min(
            Math.Min(limits.MaxImageWidth / widthInches, limits.MaxImageHeight / heightInches),
            Math.Sqrt(limits.MaxImagePixels / (widthInches * heightInches))));
        return dpi >= MinimumDpi
            ? (int)dpi
            : throw new OcrEngineException(OcrFailureKind.InvalidInput,
                $"페이지가 너무 큽니다: {widthInches:0}×{heightInches:0}인치는 {MinimumDpi}dpi로도 이미지 한도를 넘습니다 (page too large)");
    }

    private async Task<PageImage> RenderPdfPageAsync(string path, int page, int dpi, CancellationToken cancellationToken)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        string[] arguments = ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", number, "-l", number, "-singlefile", path];
        return Encoded(await ExternalTool.RunAsync("pdftoppm", arguments, null, RenderLimits, cancellationToken), ImageHeader.Pgm);
    }

    /// <summary>Time and memory of one <c>pdftoppm</c> run.</summary>
    public ToolLimits RenderLimits => ToolLimits.Of(limits.RenderTimeout, limits.RenderMemoryMegabytes);
}
