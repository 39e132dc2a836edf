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

    public static IReadOnlyList<ExtractedPage> Read(Stream pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<ExtractedPage>(document.NumberOfPages);
        foreach (var page in document.GetPages())
        {
            pages.Add(ReadPage(page));
        }

        return pages;
    }

    private static ExtractedPage ReadPage(Page page)
    {
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
        return new TextBlock(index, text, box, 1.0);
    }
}
