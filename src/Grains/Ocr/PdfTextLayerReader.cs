using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using VNexsus.Privacy;

namespace VNexsus.Ocr;

/// <summary>
/// Reads a PDF's text layer page by page with PdfPig. Words are grouped into visual lines by baseline and ordered by x,
/// which reproduces <c>pdftotext -layout</c> text on the synthetic corpus (CER 0 %, ocr-notes.md §3); each line is a block.
/// </summary>
public static class PdfTextLayerReader
{
    /// <summary>Words whose baselines differ by at most this many points are on the same line.</summary>
    private const double BaselineTolerance = 2.0;

    /// <summary>Reads every page; a document without pages or with more than <paramref name="maxPages"/> is refused before any page is read.</summary>
    /// <exception cref="InvalidDocumentException">No pages, too many pages.</exception>
    /// <exception cref="OperationCanceledException">Checked between pages: the caller's time limit.</exception>
    public static IReadOnlyList<ExtractedPage> Read(Stream pdf, int maxPages = int.MaxValue, CancellationToken cancellationToken = default)
    {
        using var document = PdfDocument.Open(pdf);
        var count = document.NumberOfPages;
        if (count < 1)
        {
            throw new InvalidDocumentException(ExtractionErrors.NoPages, "페이지가 없는 PDF입니다 (the PDF has no pages)");
        }

        if (count > maxPages)
        {
            throw new InvalidDocumentException(ExtractionErrors.TooManyPages, $"PDF가 {count}쪽으로 최대 {maxPages}쪽을 넘습니다 (too many pages)");
        }

        var pages = new List<ExtractedPage>(count);
        for (var number = 1; number <= count; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pages.Add(ReadPage(document.GetPage(number)));
        }

        return pages;
    }

    /// <summary>Larger than any real page (PDF's own limit is 14,400 points, 200 inches).</summary>
    private const double MaxPageSide = 14_400 * 10;

    private static ExtractedPage ReadPage(Page page)
    {
        if (!IsSide(page.Width) || !IsSide(page.Height))
        {
            // Non-finite sizes would poison every box and cannot be stored as JSON.
            throw new InvalidDocumentException(ExtractionErrors.CorruptFile, $"{page.Number}쪽의 크기가 올바르지 않습니다 (invalid page size)");
        }

        var lines = GroupIntoLines(page.GetWords(), page.Height);
        var text = string.Join('\n', lines.Select(l => l.Text));
        var reason = TextLayerQuality.ReasonToOcr(text, page.NumberOfImages > 0);
        return reason is null
            ? new ExtractedPage(page.Number, page.Width, page.Height, PageTextSource.TextLayer, lines, null)
            : new ExtractedPage(page.Number, page.Width, page.Height, PageTextSource.None, [], reason);
    }

    private static List<TextBlock> GroupIntoLines(IEnumerable<Word> words, double pageHeight)
    {
        var ordered = words
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .OrderByDescending(w => w.BoundingBox.Bottom)
            .ToList();
        var lines = new List<List<Word>>();
        foreach (var word in ordered)
        {
            var line = lines.Count > 0 ? lines[^1] : null;
            if (line is not null && Math.Abs(line[0].BoundingBox.Bottom - word.BoundingBox.Bottom) <= BaselineTolerance)
            {
                line.Add(word);
            }
            else
            {
                lines.Add([word]);
            }
        }

        return lines.Select((line, index) => ToBlock(index, line, pageHeight)).ToList();
    }

    private static TextBlock ToBlock(int index, List<Word> line, double pageHeight)
    {
        line.Sort((a, b) => a.BoundingBox.Left.CompareTo(b.BoundingBox.Left));
        var text = ResidentNumberMasker.Apply(string.Join(' ', line.Select(w => w.Text)));
        var box = new BoundingBox(
            line.Min(w => w.BoundingBox.Left),
            pageHeight - line.Max(w => w.BoundingBox.Top),
            line.Max(w => w.BoundingBox.Right),
            pageHeight - line.Min(w => w.BoundingBox.Bottom));
        return new TextBlock(index, text, IsFinite(box) ? box : null, 1.0);
    }

    private static bool IsSide(double length) => double.IsFinite(length) && length > 0 && length <= MaxPageSide;

    private static bool IsFinite(BoundingBox box) =>
        double.IsFinite(box.XMin) && double.IsFinite(box.YMin) && double.IsFinite(box.XMax) && double.IsFinite(box.YMax);
}
