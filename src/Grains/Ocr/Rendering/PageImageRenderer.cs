using System.Globalization;
using SkiaSharp;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Inspection;
using VNexsus.Privacy;
using VNexsus.Storage;

namespace VNexsus.Ocr.Rendering;

/// <summary>
/// Images of pages for the evidence viewer, cached on disk, <see cref="ScaleOf"/> pixels per unit of the page's bounding
/// boxes: OCR'd pages in their own pixel space; text-layer pages, whose units are PDF points (72 dpi, too blurry to read
/// a quote in), at <see cref="TextLayerScale"/> times that. A PDF page is rendered by <c>pdftoppm -jpeg</c> scaled to
/// that size (JPEG, because PNG encoding of a noisy scan takes seconds); an image upload is used at its own size. Every block whose text held a resident registration
/// number is blacked out, so the image shows no more than the text does (domain.md §11).
/// </summary>
public sealed class PageImageRenderer(BlobStore blobs, DataDirectory dataDirectory, DocumentLimits limits)
{
    /// <summary>Bump when what is drawn changes, so cached images are made again.</summary>
    private const string RenderingVersion = "masked-v1";

    private const int JpegQuality = 85;

    /// <summary>Text-layer pages are drawn at 144 dpi: sharp on a laptop's evidence panel, small enough to send at once.</summary>
    public const double TextLayerScale = 2;

    /// <summary>Image pixels per unit of the page's boxes.</summary>
    public static double ScaleOf(ExtractedPage page) => page.Source == PageTextSource.TextLayer ? TextLayerScale : 1;

    public sealed record RenderedImage(string Path, string MediaType);

    public async Task<RenderedImage> RenderAsync(DocumentRef document, ExtractedPage page, CancellationToken cancellationToken)
    {
        if (document.Kind == DocumentKind.Text)
        {
            throw new OcrEngineException(OcrFailureKind.InvalidInput, "a text file has no page images");
        }

        var (width, height) = PixelSize(page);
        if (limits.ImageSizeProblem(width, height) is { } problem)
        {
            throw new OcrEngineException(OcrFailureKind.InvalidInput, problem);
        }

        var cached = CachedPath(document.Sha256, page);
        if (!File.Exists(cached))
        {
            var image = document.Kind == DocumentKind.Pdf
                ? await RenderPdfPageAsync(blobs.PathOf(document.Sha256), page.Page, width, height, cancellationToken)
                : await File.ReadAllBytesAsync(blobs.PathOf(document.Sha256), cancellationToken);
            var masked = MaskResidentNumbers(image, page);
            await AtomicFile.WriteAsync(cached, stream => stream.WriteAsync(masked, cancellationToken).AsTask(), cancellationToken);
        }

        return new RenderedImage(cached, ImageHeader.Jpeg);
    }

    /// <summary>Deletes the cached images of a document's pages (retention); the caller makes sure no job holds it any more.</summary>
    public void DeleteImages(string sha256, IEnumerable<ExtractedPage> pages)
    {
        foreach (var page in pages)
        {
            AtomicFile.DeleteIfExists(CachedPath(sha256, page));
        }
    }

    // Keyed by a hash of the document, page and size, so no file name carries the document's hash.
    private string CachedPath(string sha256, ExtractedPage page)
    {
        var (width, height) = PixelSize(page);
        return ContentHash.ShardedPath(dataDirectory.PageImages, ContentHash.Of($"{RenderingVersion}/{sha256}/{page.Page}/{width}x{height}"), ".jpg");
    }

    private static (int Width, int Height) PixelSize(ExtractedPage page) =>
        ((int)Math.Round(page.Width * ScaleOf(page)), (int)Math.Round(page.Height * ScaleOf(page)));

    /// <summary>Draws black over the blocks whose text was masked, and re-encodes the page as JPEG.</summary>
    public static byte[] MaskResidentNumbers(byte[] image, ExtractedPage page)
    {
        using var bitmap = SKBitmap.Decode(image)
            ?? throw new OcrEngineException(OcrFailureKind.InvalidInput, "the page image cannot be decoded");
        using (var canvas = new SKCanvas(bitmap))
        using (var black = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill })
        {
            // Boxes are in the page's units; the image may be drawn at another size.
            var scaleX = page.Width > 0 ? bitmap.Width / page.Width : 1;
            var scaleY = page.Height > 0 ? bitmap.Height / page.Height : 1;
            foreach (var box in page.Blocks.Where(b => b.Text.Contains(ResidentNumberMasker.Mask, StringComparison.Ordinal)).Select(b => b.Box).OfType<BoundingBox>())
            {
                canvas.DrawRect(SKRect.Create(
                    (float)(box.XMin * scaleX) - 2, (float)(box.YMin * scaleY) - 2,
                    (float)((box.XMax - box.XMin) * scaleX) + 4, (float)((box.YMax - box.YMin) * scaleY) + 4), black);
            }
        }

        using var encoded = bitmap.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return encoded.ToArray();
    }

    private Task<byte[]> RenderPdfPageAsync(string path, int page, int width, int height, CancellationToken cancellationToken)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        string[] arguments =
        [
            "-jpeg", "-f", number, "-l", number, "-singlefile",
            "-scale-to-x", width.ToString(CultureInfo.InvariantCulture), "-scale-to-y", height.ToString(CultureInfo.InvariantCulture),
            path,
        ];
        return ExternalTool.RunAsync("pdftoppm", arguments, null, ToolLimits.Of(limits.RenderTimeout, limits.RenderMemoryMegabytes), cancellationToken);
    }
}
