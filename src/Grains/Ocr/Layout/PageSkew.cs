using VNexsus.Ocr.Engines.Tesseract;

namespace VNexsus.Ocr.Layout;

/// <summary>
/// How far a scanned page's text lines climb or fall across the page, in pixels down per pixel right, from the lines the
/// first reading found. Heavy scans measured here are turned by up to 2°: 28 px over the 800 px between a diagnosis
/// table's names and its codes, more than a line's height, so a row's height at one end of the page says little about
/// its height at the other without it.
/// </summary>
public static class PageSkew
{
    /// <summary>A line shorter than this many of its heights says too little about the slope.</summary>
    private const int MinSpanInHeights = 8;

    /// <summary>
    /// A syllable box taller than this share of its line's median height is a box the Korean model stretched (93 px on a
    /// 38 px line), whose centre is not the line's.
    /// </summary>
    private const double TallBox = 1.3;

    /// <summary>The median slope of the page's long lines (each line's own slope the median of its word pairs'), or 0 when no line is long enough.</summary>
    public static double Slope(IReadOnlyList<TesseractTsv.Word> words)
    {
        var slopes = TesseractTsv.Lines(words)
            .Select(Level)
            .Where(line => line.Count >= 3 && line[^1].X - line[0].X >= MinSpanInHeights * line[0].Height)
            .Select(line => Median(
                from a in Enumerable.Range(0, line.Count)
                from b in Enumerable.Range(a + 1, line.Count - a - 1)
                where line[b].X - line[a].X >= line[0].Height
                select (line[b].Y - line[a].Y) / (line[b].X - line[a].X)))
            .OfType<double>()
            .ToList();
        return Median(slopes) ?? 0;
    }

    /// <summary>Where a line's centre stands at <paramref name="x"/>: its words' centres carried along the page's slope, the median taken.</summary>
    public static double CentreAt(IReadOnlyList<TesseractTsv.Word> line, double x, double slope) =>
        Median(Level(line).Select(word => word.Y + (slope * (x - word.X))).ToList()) ?? 0;

    /// <summary>The centres of a line's words of the line's own height, left to right, each with that height.</summary>
    private static List<(double X, double Y, int Height)> Level(IReadOnlyList<TesseractTsv.Word> line)
    {
        var height = line.Select(w => w.Height).Order().ElementAt(line.Count / 2);
        return line.Where(w => w.Height <= TallBox * height)
            .Select(w => (X: w.Left + (w.Width / 2.0), Y: w.Top + (w.Height / 2.0), height))
            .OrderBy(c => c.X)
            .ToList();
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted[sorted.Count / 2];
    }
}
