using System.Globalization;
using VNexsus.Ocr.Engines;
using VNexsus.Storage;

namespace VNexsus.Ocr.Rendering;

/// <summary>
/// Images of pages for the evidence viewer, in the pixel space of the page's bounding boxes, cached on disk. An image
/// upload is served as it is; a PDF page is rendered by <c>pdftoppm -jpeg</c> scaled to the page's recorded size (JPEG,
/// because PNG encoding of a noisy scan takes seconds).
/// </summary>
public sealed class PageImageRenderer(BlobStore blobs, DataDirectory dataDirectory)
{
    public sealed record RenderedImage(string Path, string MediaType);

    public async Task<RenderedImage> RenderAsync(DocumentRef document, ExtractedPage page, CancellationToken cancellationToken)
    {
        switch (document.Kind)
        {
            case DocumentKind.Png:
                return new RenderedImage(blobs.PathOf(document.Sha256), ImageHeader.Png);
            case DocumentKind.Jpeg:
                return new RenderedImage(blobs.PathOf(document.Sha256), ImageHeader.Jpeg);
            case DocumentKind.Pdf:
                break;
            default:
                throw new OcrEngineException(OcrFailureKind.InvalidInput, "a text file has no page images");
        }

        var width = (int)Math.Round(page.Width);
        var height = (int)Math.Round(page.Height);
        var key = ContentHash.Of($"{document.Sha256}/{page.Page}/{width}x{height}");
        var cached = ContentHash.ShardedPath(dataDirectory.PageImages, key, ".jpg");
        if (!File.Exists(cached))
        {
            var image = await RenderPdfPageAsync(blobs.PathOf(document.Sha256), page.Page, width, height, cancellationToken);
            await AtomicFile.WriteAsync(cached, stream => stream.WriteAsync(image, cancellationToken).AsTask(), cancellationToken);
        }

        return new RenderedImage(cached, ImageHeader.Jpeg);
    }

    private static Task<byte[]> RenderPdfPageAsync(string path, int page, int width, int height, CancellationToken cancellationToken)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        string[] arguments =
        [
            "-jpeg", "-f", number, "-l", number, "-singlefile",
            "-scale-to-x", width.ToString(CultureInfo.InvariantCulture), "-scale-to-y", height.ToString(CultureInfo.InvariantCulture),
            path,
        ];
        return ExternalTool.RunAsync("pdftoppm", arguments, null, PageRasterizer.RenderTimeLimit, cancellationToken);
    }
}
