using System.Globalization;
using VNexsus.Privacy;

namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>
/// Turns Tesseract's TSV output into line blocks: words grouped by (block, paragraph, line), boxes in the image's
/// pixels, confidence the mean word confidence scaled to 0..1. Debian's Korean model splits Hangul words into
/// syllables; words closer than a fraction of the line height are joined without a space so the text reads as written.
/// </summary>
public static class TesseractTsv
{
    /// <summary>A gap narrower than this share of the line height is inside a word, not between words.</summary>
    public const double JoinGapShareOfHeight = 0.25;

    private const int WordLevel = 5;

    private sealed record Word(int Block, int Paragraph, int Line, int Left, int Top, int Width, int Height, double Confidence, string Text);

    public static IReadOnlyList<TextBlock> Parse(string tsv)
    {
        var words = new List<Word>();
        foreach (var row in tsv.Split('\n').Skip(1))
        {
            var cells = row.TrimEnd('\r').Split('\t');
            if (cells.Length < 12 || Int(cells[0]) != WordLevel || string.IsNullOrWhiteSpace(cells[11]))
            {
                continue;
            }

            words.Add(new Word(Int(cells[2]), Int(cells[3]), Int(cells[4]), Int(cells[6]), Int(cells[7]), Int(cells[8]), Int(cells[9]),
                double.Parse(cells[10], CultureInfo.InvariantCulture), cells[11].Trim()));
        }

        return words
            .GroupBy(w => (w.Block, w.Paragraph, w.Line))
            .Select(line => line.OrderBy(w => w.Left).ToList())
            .Select((line, index) => ToBlock(index, line))
            .ToList();
    }

    private static TextBlock ToBlock(int index, List<Word> line)
    {
        var height = line.Max(w => w.Height);
        var text = new System.Text.StringBuilder(line[0].Text);
        for (var i = 1; i < line.Count; i++)
        {
            var gap = line[i].Left - (line[i - 1].Left + line[i - 1].Width);
            if (gap >= height * JoinGapShareOfHeight)
            {
                text.Append(' ');
            }

            text.Append(line[i].Text);
        }

        var box = new BoundingBox(line.Min(w => w.Left), line.Min(w => w.Top), line.Max(w => w.Left + w.Width), line.Max(w => w.Top + w.Height));
        var confidence = Math.Clamp(line.Average(w => Math.Max(0, w.Confidence)) / 100.0, 0, 1);
        return new TextBlock(index, ResidentNumberMasker.Apply(text.ToString()), box, confidence);
    }

    private static int Int(string cell) => int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : -1;
}
