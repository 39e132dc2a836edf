namespace VNexsus.Ocr.Inspection;

/// <summary>
/// What one document may cost to read (<c>VNexsus:Ocr:Limits</c>). Every limit ends as a per-file or per-page error
/// with a message that names it; none of them can take the silo down.
/// </summary>
public sealed class DocumentLimits
{
    public const string Section = "VNexsus:Ocr:Limits";

    /// <summary>Pages of one PDF or text file (form feeds); a longer document is refused before any page is read.</summary>
    public int MaxPages { get; set; } = 2000;

    /// <summary>Pixel width and height of an image or a rendered page, read from the header before anything is decoded.</summary>
    public int MaxImageWidth { get; set; } = 20_000;

    public int MaxImageHeight { get; set; } = 20_000;

    /// <summary>Width × height; 50 megapixels is an A4 page at 700 dpi, or A2 at 300 dpi.</summary>
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>
    /// The decompressed size of any one Flate stream of a PDF that is not an image (content, fonts, object streams —
    /// what the in-process reader inflates). A page's content is rarely above 1 MB and a whole embedded Korean font about 16 MB; a bomb inflates to gigabytes.
    /// Image streams, which only the rasteriser decodes, may inflate to what the largest allowed image needs (4 bytes a pixel).
    /// </summary>
    public long MaxPdfStreamBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Reading a PDF's text layer in-process, all pages; checked between pages.</summary>
    public TimeSpan TextLayerTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>One page rendered by <c>pdftoppm</c>; the process is killed when it takes longer.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Address space of one <c>pdftoppm</c> process (<c>prlimit --as</c>); an allocation past it fails.</summary>
    public int RenderMemoryMegabytes { get; set; } = 1024;

    /// <summary>The configuration mistakes, each naming its key; empty when the limits are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxPages < 1)
        {
            yield return $"{Section}:MaxPages must be at least 1.";
        }

        if (MaxImageWidth < 1 || MaxImageHeight < 1 || MaxImagePixels < 1)
        {
            yield return $"{Section}:MaxImageWidth, MaxImageHeight and MaxImagePixels must be positive.";
        }

        if (MaxPdfStreamBytes < 1024 * 1024)
        {
            yield return $"{Section}:MaxPdfStreamBytes must be at least 1 MB (1048576).";
        }

        if (TextLayerTimeout <= TimeSpan.Zero || RenderTimeout <= TimeSpan.Zero)
        {
            yield return $"{Section}:TextLayerTimeout and RenderTimeout must be positive.";
        }

        if (RenderMemoryMegabytes < 64)
        {
            yield return $"{Section}:RenderMemoryMegabytes must be at least 64 (pdftoppm needs that much to start).";
        }
    }

    /// <summary>Why an image of this size is not read, in the product's words; null when it is within the limits.</summary>
    public string? ImageSizeProblem(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            return $"이미지 크기({width}×{height})가 올바르지 않습니다 (invalid image size)";
        }

        return width > MaxImageWidth || height > MaxImageHeight || (long)width * height > MaxImagePixels
            ? $"이미지가 너무 큽니다: {width}×{height}픽셀 (최대 {MaxImageWidth}×{MaxImageHeight}픽셀, {MaxImagePixels / 1_000_000}메가픽셀) (image too large)"
            : null;
    }
}
