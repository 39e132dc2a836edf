using VNexsus.Ocr.Imaging;

namespace VNexsus.Ocr.Correction;

/// <summary>
/// Where the glyphs of a word stand, from the page's pixels: Tesseract gives word boxes only, and a glyph placed by the
/// widths its characters usually have is often off by a bracket's width (the crop of the <c>1</c> of <c>(110)</c> took
/// in the bracket and half the next digit, read <c>U</c>). Printed glyphs of a code stand apart: a run of columns with
/// ink, between columns without, is one glyph. Whether the runs are the glyphs is known only when there are as many as
/// the word has characters; otherwise nothing is said.
/// </summary>
public static class GlyphColumns
{
    /// <summary>Ink is darker than half-way between the rectangle's paper and its darkest pixel, by at least this contrast.</summary>
    private const int MinimumContrast = 60;

    /// <summary>A column holds ink when at least this many of its pixels are ink: one dark pixel is noise.</summary>
    private const int InkPixels = 2;

    /// <summary>The columns (left inclusive, right exclusive, in page coordinates) of each run of inked columns in the rectangle, left to right.</summary>
    public static IReadOnlyList<(int Left, int Right)> Runs(GrayImage page, int left, int top, int width, int height)
    {
        var (x0, y0) = (Math.Max(0, left), Math.Max(0, top));
        var (x1, y1) = (Math.Min(page.Width, left + width), Math.Min(page.Height, top + height));
        if (x1 <= x0 || y1 <= y0)
        {
            return [];
        }

        if (InkThreshold(page, x0, y0, x1, y1) is not { } threshold)
        {
            return [];
        }

        var runs = new List<(int Left, int Right)>();
        var start = -1;
        for (var x = x0; x <= x1; x++)
        {
            var inked = x < x1 && InkIn(x) >= InkPixels;
            if (inked && start < 0)
            {
                start = x;
            }
            else if (!inked && start >= 0)
            {
                runs.Add((start, x));
                start = -1;
            }
        }

        return runs;

        int InkIn(int x)
        {
            var count = 0;
            for (var y = y0; y < y1; y++)
            {
                count += page[x, y] < threshold ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>The grey level below which a pixel of the rectangle is ink, or null when it has too little contrast to hold any.</summary>
    private static int? InkThreshold(GrayImage page, int x0, int y0, int x1, int y1)
    {
        var (darkest, lightest) = (255, 0);
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                darkest = Math.Min(darkest, page[x, y]);
                lightest = Math.Max(lightest, page[x, y]);
            }
        }

        return lightest - darkest < MinimumContrast ? null : (darkest + lightest) / 2;
    }

    /// <summary>
    /// The first and last rows (page coordinates, last exclusive) holding ink in the run's columns between
    /// <paramref name="top"/> and <paramref name="top"/> + <paramref name="height"/>, ink judged as in <see cref="Runs"/>
    /// on that rectangle; null when it has none.
    /// </summary>
    public static (int Top, int Bottom)? InkRows(GrayImage page, (int Left, int Right) run, int top, int height)
    {
        var (x0, y0) = (Math.Max(0, run.Left), Math.Max(0, top));
        var (x1, y1) = (Math.Min(page.Width, run.Right), Math.Min(page.Height, top + height));
        if (InkThreshold(page, x0, y0, x1, y1) is not { } threshold)
        {
            return null;
        }

        int? first = null, last = null;
        for (var y = y0; y < y1; y++)
        {
            var ink = 0;
            for (var x = x0; x < x1; x++)
            {
                ink += page[x, y] < threshold ? 1 : 0;
            }

            if (ink >= Math.Min(InkPixels, x1 - x0))
            {
                first ??= y;
                last = y + 1;
            }
        }

        return first is { } from && last is { } to ? (from, to) : null;
    }

    /// <summary>
    /// The columns of the word's character at <paramref name="index"/>, widened by up to <paramref name="margin"/> on
    /// each side but never past half-way to the glyph beside it, or null when the word's runs are not one per character
    /// (glyphs that touch, a speck, a syllable of several parts).
    /// </summary>
    public static (int Left, int Right)? Glyph(GrayImage page, int left, int top, int width, int height, string text, int index, int margin)
    {
        // Tesseract's word box may cut through the word's first or last glyph (seed 67 p20: the box of A090 starts at
        // the right leg of the A): the runs are found on a strip a glyph's height wider on each side, and the ones that
        // reach into the box are the word's.
        var runs = Runs(page, left - height, top, width + (2 * height), height).Where(run => run.Right > left && run.Left < left + width).ToList();
        if (runs.Count != text.Length || index >= runs.Count)
        {
            return null;
        }

        var (glyphLeft, glyphRight) = runs[index];
        var before = index > 0 ? (glyphLeft - runs[index - 1].Right) / 2 : margin;
        var after = index + 1 < runs.Count ? (runs[index + 1].Left - glyphRight) / 2 : margin;
        return (glyphLeft - Math.Min(margin, before), glyphRight + Math.Min(margin, after));
    }
}
