using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace VNexsus.Ocr.Imaging;

/// <summary>
/// Erases ruled lines (table borders, underlines) from a page before OCR: Tesseract drops or garbles whole ruled tables
/// otherwise (CER 20.6 % → 5.6 % on light scans, ocr-notes.md §5.2). Linear time, no library:
/// <list type="number">
/// <item>Otsu threshold: darker pixels are ink.</item>
/// <item>A pixel is on a rule when it lies in a run of ink at least <see cref="MinimumRuleLength"/> long along its row
/// or its column (about 10 mm; Hangul glyphs at body sizes are far shorter). Runs are measured on ink smeared by one
/// pixel across the run direction and may skip one-pixel gaps, so slightly skewed, thin or noisy rules still count.</item>
/// <item>Solid areas (ink that is a long run both ways over a wide stretch, e.g. a black box) are kept: they are not
/// rules, and erasing them would only make a white hole.</item>
/// <item>The rule mask grows by one pixel to catch the anti-aliased fringe, then those pixels are painted with the
/// paper level (median of the non-ink pixels).</item>
/// <item>Specks are painted too: blots of ink at most <see cref="MaximumSpeckMillimetres"/> across with no other ink
/// within <see cref="SpeckIsolationMillimetres"/>. The rules kept each cell a region of its own, where Tesseract drops
/// a speck as noise; without them a table row is one long text line, and every speck in its empty cells is read as
/// a character (on heavy scans rule removal cost more CER than it saved, 17.0 % → 21.0 %, until specks went too:
/// 13.6 %). A dot of text (a full stop, a decimal point, the dots of a colon) is never that far from a glyph.</item>
/// <item>The paper is made flat: every pixel lighter than halfway from the threshold to the paper level is painted the
/// paper level. Tesseract thresholds the page it is given once, globally; on a short record on a noisy scan (a few lines
/// on an A4 page, under 1 % ink) its threshold fell inside the paper's noise once the specks were gone, and it read no
/// line at all (measured: 0 of 7 lines, all 7 with the paper flat). Ink and the dark half of its anti-aliased edges
/// keep their levels.</item>
/// </list>
/// The image keeps its size: boxes read on the result are boxes on the original.
/// </summary>
public static class TableRuleRemover
{
    /// <summary>Rules are at least 10 mm long (118 px at 300 dpi, 79 px at 200 dpi) and never shorter than 15 px.</summary>
    public const double MinimumRuleMillimetres = 10.0;

    public const int MinimumRuleLength = 15;

    /// <summary>A speck is at most 0.8 mm across (6 px at 200 dpi): dust and toner dots; a full stop at 10 pt is about 0.5 mm.</summary>
    public const double MaximumSpeckMillimetres = 0.8;

    /// <summary>
    /// A speck has no other ink within 1.5 mm (12 px at 200 dpi); a dot of text is within a letter gap of its glyphs, and
    /// a word space at 10 pt is about 1 mm.
    /// </summary>
    public const double SpeckIsolationMillimetres = 1.5;

    /// <summary>
    /// A full stop set apart by spaces (<c>2023 . 02 . 04</c>: holdout14 golden set) stands on its line with glyphs on
    /// both sides within 3 mm that rise above it (in the upper half of a glyph's height, 2.5 mm) and stand on its
    /// baseline: it is kept, not a speck (<see cref="SpacedStop"/>).
    /// </summary>
    public const double SpacedStopReachMillimetres = 3.0;

    public const double GlyphHeightMillimetres = 2.5;

    public sealed record Result(GrayImage Image, int ErasedPixels, int ErasedSpecks, byte Threshold, byte Paper);

    /// <summary>
    /// The image's resolution guessed from its size, as if it were at most an A4 portrait page (210 × 297 mm): an image of
    /// part of a page gets a lower guess, so a longer minimum rule, which only makes erasing text less likely.
    /// </summary>
    public static double GuessDpi(int width, int height) => Math.Max(width / (210.0 / 25.4), height / (297.0 / 25.4));

    public static int RuleLength(double dpi) => Math.Max(MinimumRuleLength, (int)Math.Round(MinimumRuleMillimetres / 25.4 * dpi));

    // Per-pixel flags, one byte per pixel.
    private const byte Ink = 1;
    private const byte Horizontal = 2;
    private const byte Vertical = 4;
    private const byte Solid = 8;
    private const byte Rule = 16;

    /// <summary>Runs may skip gaps of this many pixels (noise, JPEG ringing) and still count as one run.</summary>
    private const int Gap = 1;

    // The pixel loops run over millions of pixels per page: compiled optimised from the first page on, not at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Result Remove(GrayImage image, double? dpi = null)
    {
        var width = image.Width;
        var height = image.Height;
        var pixels = image.Pixels;
        var dotsPerInch = dpi ?? GuessDpi(width, height);
        var length = RuleLength(dotsPerInch);
        var histogram = Histogram(pixels);
        var threshold = InkThreshold(histogram);
        var flags = ArrayPool<byte>.Shared.Rent(pixels.Length);
        try
        {
            MarkInk(pixels, flags, threshold);
            MarkHorizontal(flags, width, height, length);
            MarkVertical(flags, width, height, length);
            MarkSolid(flags, width, height, Math.Max(MinimumRuleLength, length / 3));
            var ruled = MarkRules(flags, width, height);

            var paper = PaperLevel(histogram, threshold);
            var output = (byte[])pixels.Clone();
            var erased = EraseRules(output, flags, ruled, width, height, paper);
            var specks = RemoveSpecks(output, flags, width, height, threshold, paper, Pixels(MaximumSpeckMillimetres, dotsPerInch), Pixels(SpeckIsolationMillimetres, dotsPerInch),
                (Pixels(SpacedStopReachMillimetres, dotsPerInch), Pixels(GlyphHeightMillimetres, dotsPerInch)), ref erased);
            Flatten(output, (byte)(threshold + ((paper - threshold) / 2)), paper);
            return new Result(new GrayImage(width, height, output), erased, specks, threshold, paper);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(flags);
        }
    }

    /// <summary>Flags every pixel at or below the threshold as ink, and clears every other flag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MarkInk(byte[] pixels, byte[] flags, byte threshold)
    {
        var i = 0;
        var limit = new Vector<byte>(threshold);
        var ink = new Vector<byte>(Ink);
        for (; i <= pixels.Length - Vector<byte>.Count; i += Vector<byte>.Count)
        {
            (Vector.LessThanOrEqual(new Vector<byte>(pixels, i), limit) & ink).CopyTo(flags, i);
        }

        for (; i < pixels.Length; i++)
        {
            flags[i] = pixels[i] <= threshold ? Ink : (byte)0;
        }
    }

    /// <summary>Flags ink on a horizontal or vertical run, and not in a solid area, as rule; answers which rows have any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool[] MarkRules(byte[] flags, int width, int height)
    {
        var ruled = new bool[height];
        var runs = new Vector<byte>(Horizontal | Vertical);
        for (var y = 0; y < height; y++)
        {
            var row = y * width;
            var x = 0;
            for (; x <= width - Vector<byte>.Count; x += Vector<byte>.Count)
            {
                // Only a stretch with a run in it can hold a rule pixel.
                if ((new Vector<byte>(flags, row + x) & runs) != Vector<byte>.Zero)
                {
                    ruled[y] |= MarkRuleStretch(flags, row + x, Vector<byte>.Count);
                }
            }

            ruled[y] |= MarkRuleStretch(flags, row + x, width - x);
        }

        return ruled;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool MarkRuleStretch(byte[] flags, int from, int count)
    {
        var any = false;
        for (var i = from; i < from + count; i++)
        {
            var f = flags[i];
            if ((f & Ink) != 0 && (f & (Horizontal | Vertical)) != 0 && (f & Solid) == 0)
            {
                flags[i] = (byte)(f | Rule);
                any = true;
            }
        }

        return any;
    }

    /// <summary>Paints the rule pixels and their 4-neighbours (the anti-aliased fringe) with the paper level; answers how many changed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int EraseRules(byte[] output, byte[] flags, bool[] ruled, int width, int height, byte paper)
    {
        var erased = 0;
        for (var y = 0; y < height; y++)
        {
            if (!ruled[y] && (y == 0 || !ruled[y - 1]) && (y + 1 == height || !ruled[y + 1]))
            {
                continue;
            }

            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var i = row + x;
                var near = ((flags[i] | (x > 0 ? flags[i - 1] : 0) | (x + 1 < width ? flags[i + 1] : 0)
                    | (y > 0 ? flags[i - width] : 0) | (y + 1 < height ? flags[i + width] : 0)) & Rule) != 0;
                if (near && (flags[i] & Solid) == 0 && output[i] != paper)
                {
                    output[i] = paper;
                    erased++;
                }
            }
        }

        return erased;
    }

    /// <summary>Paints every pixel lighter than <paramref name="flat"/> with the paper level.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Flatten(byte[] output, byte flat, byte paper)
    {
        var i = 0;
        var limit = new Vector<byte>(flat);
        var level = new Vector<byte>(paper);
        for (; i <= output.Length - Vector<byte>.Count; i += Vector<byte>.Count)
        {
            var here = new Vector<byte>(output, i);
            Vector.ConditionalSelect(Vector.GreaterThan(here, limit), level, here).CopyTo(output, i);
        }

        for (; i < output.Length; i++)
        {
            if (output[i] > flat)
            {
                output[i] = paper;
            }
        }
    }

    private static int Pixels(double millimetres, double dpi) => Math.Max(2, (int)Math.Round(millimetres / 25.4 * dpi));

    // Flags of the speck search, in the bits the rule flags leave free.
    private const byte Seen = 32;
    private const byte InBlot = 64;

    /// <summary>
    /// Paints every blot of ink (8-connected, on <paramref name="image"/> as the rules left it) at most
    /// <paramref name="size"/> pixels across with no other ink within <paramref name="isolation"/> pixels, unless it is a
    /// full stop between glyphs of its line (<paramref name="stop"/>: how far its glyphs may be, and how tall). Linear: each
    /// pixel joins one blot once, and only small blots look around them (a window of fixed size, left at the first ink).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RemoveSpecks(byte[] image, byte[] flags, int width, int height, byte threshold, byte paper, int size, int isolation, (int Reach, int GlyphHeight) stop, ref int erased)
    {
        var stack = ArrayPool<int>.Shared.Rent(1024);
        var blot = ArrayPool<int>.Shared.Rent(size * size);
        var specks = 0;
        try
        {
            var paperOnly = new Vector<byte>(threshold);
            for (var first = 0; first < image.Length; first++)
            {
                // Most of a page is paper: a vector of it at a time.
                if (first + Vector<byte>.Count <= image.Length && Vector.GreaterThanAll(new Vector<byte>(image, first), paperOnly))
                {
                    first += Vector<byte>.Count - 1;
                    continue;
                }

                if (image[first] > threshold || (flags[first] & Seen) != 0)
                {
                    continue;
                }

                // Flood the blot, keeping its pixels while it is small enough to be a speck.
                int left = int.MaxValue, right = -1, top = int.MaxValue, bottom = -1, count = 0, pending = 0;
                flags[first] |= Seen;
                stack[pending++] = first;
                while (pending > 0)
                {
                    var i = stack[--pending];
                    int x = i % width, y = i / width;
                    (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
                    if (count < blot.Length)
                    {
                        blot[count] = i;
                    }

                    count++;
                    for (var ny = Math.Max(0, y - 1); ny <= Math.Min(height - 1, y + 1); ny++)
                    {
                        for (var nx = Math.Max(0, x - 1); nx <= Math.Min(width - 1, x + 1); nx++)
                        {
                            var j = (ny * width) + nx;
                            if (image[j] <= threshold && (flags[j] & Seen) == 0)
                            {
                                flags[j] |= Seen;
                                if (pending == stack.Length)
                                {
                                    var larger = ArrayPool<int>.Shared.Rent(stack.Length * 2);
                                    stack.AsSpan().CopyTo(larger);
                                    ArrayPool<int>.Shared.Return(stack);
                                    stack = larger;
                                }

                                stack[pending++] = j;
                            }
                        }
                    }
                }

                if (right - left >= size || bottom - top >= size || count > blot.Length)
                {
                    continue;
                }

                var pixels = blot.AsSpan(0, count);
                foreach (var i in pixels)
                {
                    flags[i] |= InBlot;
                }

                var alone = Alone(image, flags, width, threshold, Math.Max(0, left - isolation), Math.Min(width - 1, right + isolation),
                    Math.Max(0, top - isolation), Math.Min(height - 1, bottom + isolation));
                foreach (var i in pixels)
                {
                    flags[i] &= unchecked((byte)~InBlot);
                }

                if (alone && !SpacedStop(image, flags, width, height, threshold, left, right, bottom, stop))
                {
                    specks++;
                    Paint(image, width, paper, Math.Max(0, left - 1), Math.Min(width - 1, right + 1), Math.Max(0, top - 1), Math.Min(height - 1, bottom + 1), ref erased);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(stack);
            ArrayPool<int>.Shared.Return(blot);
        }

        return specks;
    }

    /// <summary>
    /// Whether the blot is a full stop between glyphs: on both sides, within reach, ink rises into the upper half of a
    /// glyph's height above it (other specks beside it are level with it) and none hangs below it (the glyphs stand on
    /// its baseline; a middle dot, <c>ㆍ</c>, has their lower half beside it, and goes as it always did).
    /// </summary>
    private static bool SpacedStop(byte[] image, byte[] flags, int width, int height, byte threshold, int left, int right, int bottom, (int Reach, int GlyphHeight) stop)
    {
        if (left == 0 || right == width - 1)
        {
            return false;
        }

        var (glyphsTop, glyphsMiddle) = (Math.Max(0, bottom - stop.GlyphHeight), Math.Max(0, bottom - (stop.GlyphHeight / 2)));
        var (belowTop, belowBottom) = (Math.Min(height - 1, bottom + (stop.GlyphHeight / 5)), Math.Min(height - 1, bottom + (stop.GlyphHeight / 3)));
        var (leftFrom, rightTo) = (Math.Max(0, left - stop.Reach), Math.Min(width - 1, right + stop.Reach));
        return !Alone(image, flags, width, threshold, leftFrom, left - 1, glyphsTop, glyphsMiddle)
            && !Alone(image, flags, width, threshold, right + 1, rightTo, glyphsTop, glyphsMiddle)
            && Alone(image, flags, width, threshold, leftFrom, left - 1, belowTop, belowBottom)
            && Alone(image, flags, width, threshold, right + 1, rightTo, belowTop, belowBottom);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Alone(byte[] image, byte[] flags, int width, byte threshold, int left, int right, int top, int bottom)
    {
        for (var y = top; y <= bottom; y++)
        {
            for (var i = (y * width) + left; i <= (y * width) + right; i++)
            {
                if (image[i] <= threshold && (flags[i] & InBlot) == 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Paints a speck and the one-pixel fringe around it (its blur) with the paper level.</summary>
    private static void Paint(byte[] image, int width, byte paper, int left, int right, int top, int bottom, ref int erased)
    {
        for (var y = top; y <= bottom; y++)
        {
            for (var i = (y * width) + left; i <= (y * width) + right; i++)
            {
                if (image[i] != paper)
                {
                    image[i] = paper;
                    erased++;
                }
            }
        }
    }

    /// <summary>
    /// Marks pixels in runs of at least <paramref name="length"/> along rows, on ink smeared one pixel up and down so a
    /// slightly skewed rule stays one run.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MarkHorizontal(byte[] flags, int width, int height, int length)
    {
        var smeared = new byte[width];
        for (var y = 0; y < height; y++)
        {
            var row = y * width;
            var here = flags.AsSpan(row, width);
            here.CopyTo(smeared);
            if (y > 0)
            {
                Or(smeared, flags.AsSpan(row - width, width));
            }

            if (y + 1 < height)
            {
                Or(smeared, flags.AsSpan(row + width, width));
            }

            MarkRunsInRow(smeared, Ink, flags, row, length, Horizontal, Gap);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Or(Span<byte> target, ReadOnlySpan<byte> source)
    {
        var i = 0;
        for (; i <= target.Length - Vector<byte>.Count; i += Vector<byte>.Count)
        {
            (new Vector<byte>(target[i..]) | new Vector<byte>(source[i..])).CopyTo(target[i..]);
        }

        for (; i < target.Length; i++)
        {
            target[i] |= source[i];
        }
    }

    /// <summary>
    /// Marks pixels in runs of at least <paramref name="length"/> down columns, on ink smeared one pixel left and right,
    /// streaming row by row. Stretches of a row with no ink and no run open above them are skipped a vector at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MarkVertical(byte[] flags, int width, int height, int length)
    {
        var start = new int[width];
        var last = new int[width];
        var smeared = new byte[width];
        var open = new byte[width];
        Array.Fill(start, -1);
        for (var y = 0; y <= height; y++)
        {
            var row = y * width;
            if (y < height)
            {
                Smear(flags.AsSpan(row, width), smeared);
            }
            else
            {
                Array.Clear(smeared);
            }

            for (var x = 0; x < width; x += Vector<byte>.Count)
            {
                var count = Math.Min(Vector<byte>.Count, width - x);
                if (count == Vector<byte>.Count && (new Vector<byte>(smeared, x) | new Vector<byte>(open, x)) == Vector<byte>.Zero)
                {
                    continue;
                }

                for (var k = x; k < x + count; k++)
                {
                    if (smeared[k] != 0)
                    {
                        if (start[k] >= 0 && y - last[k] - 1 > Gap)
                        {
                            Close(k);
                        }

                        if (start[k] < 0)
                        {
                            start[k] = y;
                            open[k] = 1;
                        }

                        last[k] = y;
                    }
                    else if (start[k] >= 0 && (y == height || y - last[k] > Gap))
                    {
                        Close(k);
                    }
                }
            }
        }

        void Close(int x)
        {
            if (last[x] - start[x] + 1 >= length)
            {
                for (var y = start[x]; y <= last[x]; y++)
                {
                    flags[(y * width) + x] |= Vertical;
                }
            }

            start[x] = -1;
            open[x] = 0;
        }
    }

    /// <summary>The ink of a row, each pixel or'ed with its left and right neighbours (non-zero where there is ink).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Smear(ReadOnlySpan<byte> row, byte[] smeared)
    {
        var width = row.Length;
        var ink = new Vector<byte>(Ink);
        smeared[0] = (byte)((row[0] | (width > 1 ? row[1] : 0)) & Ink);
        var x = 1;
        for (; x + 1 + Vector<byte>.Count <= width; x += Vector<byte>.Count)
        {
            ((new Vector<byte>(row[(x - 1)..]) | new Vector<byte>(row[x..]) | new Vector<byte>(row[(x + 1)..])) & ink).CopyTo(smeared.AsSpan(x));
        }

        for (; x < width; x++)
        {
            smeared[x] = (byte)((row[x - 1] | row[x] | (x + 1 < width ? row[x + 1] : 0)) & Ink);
        }
    }

    /// <summary>Solid areas: long runs along rows of pixels that are both horizontal and vertical runs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MarkSolid(byte[] flags, int width, int height, int length)
    {
        var both = new byte[width];
        var runs = new Vector<byte>(Horizontal | Vertical);
        for (var y = 0; y < height; y++)
        {
            var row = y * width;
            var any = false;
            var x = 0;
            for (; x <= width - Vector<byte>.Count; x += Vector<byte>.Count)
            {
                var isBoth = Vector.Equals(new Vector<byte>(flags, row + x) & runs, runs) & Vector<byte>.One;
                isBoth.CopyTo(both, x);
                any |= isBoth != Vector<byte>.Zero;
            }

            for (; x < width; x++)
            {
                var isBoth = (flags[row + x] & (Horizontal | Vertical)) == (Horizontal | Vertical);
                both[x] = isBoth ? (byte)1 : (byte)0;
                any |= isBoth;
            }

            if (any)
            {
                MarkRunsInRow(both, 1, flags, row, length, Solid, 0);
            }
        }
    }

    /// <summary>
    /// Marks with <paramref name="flag"/> every pixel of a run (in <paramref name="set"/>, bits <paramref name="bit"/>) at
    /// least <paramref name="length"/> long, gaps up to <paramref name="gap"/> bridged. Empty stretches are skipped a
    /// vector at a time: most of a page is paper.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MarkRunsInRow(byte[] set, byte bit, byte[] flags, int row, int length, byte flag, int gap)
    {
        var start = -1;
        var last = -1;
        var count = set.Length;
        var x = 0;
        while (x <= count)
        {
            if (start < 0 && x + Vector<byte>.Count <= count && new Vector<byte>(set, x) == Vector<byte>.Zero)
            {
                x += Vector<byte>.Count;
                continue;
            }

            if (x < count && (set[x] & bit) != 0)
            {
                if (start >= 0 && x - last - 1 > gap)
                {
                    Close(flags, row, start, last, length, flag);
                    start = -1;
                }

                if (start < 0)
                {
                    start = x;
                }

                last = x;
            }
            else if (start >= 0 && (x == count || x - last > gap))
            {
                Close(flags, row, start, last, length, flag);
                start = -1;
            }

            x++;
        }

        static void Close(byte[] flags, int row, int from, int to, int length, byte flag)
        {
            if (to - from + 1 >= length)
            {
                for (var k = from; k <= to; k++)
                {
                    flags[row + k] |= flag;
                }
            }
        }
    }

    /// <summary>
    /// The level at or below which a pixel is ink: Otsu's threshold, but never within four deviations of the paper's
    /// noise below the paper level. On a short record on a noisy scan (five lines on A4, 0.5 % ink) Otsu's two classes
    /// are the dark and the light half of the paper's noise (measured: threshold 225 with the paper at 232), and the
    /// noise would be taken for rules and text. The deviation is measured on the pixels lighter than the paper level,
    /// where no ink is.
    /// </summary>
    private static byte InkThreshold(long[] histogram)
    {
        var paper = Array.IndexOf(histogram, histogram.Max());
        double lighter = 0, spread = 0;
        for (var level = paper; level < 256; level++)
        {
            lighter += histogram[level];
            spread += histogram[level] * (double)(level - paper) * (level - paper);
        }

        var deviation = Math.Sqrt(spread / lighter);
        return (byte)Math.Clamp(Math.Min(OtsuThreshold(histogram), paper - (4 * deviation)), 0, 255);
    }

    /// <summary>How many pixels have each gray level; read once per page by the threshold and the paper level.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long[] Histogram(byte[] pixels)
    {
        var histogram = new long[256];
        foreach (var p in pixels)
        {
            histogram[p]++;
        }

        return histogram;
    }

    /// <summary>Otsu's threshold on the gray histogram; pixels at or below it are ink.</summary>
    private static byte OtsuThreshold(long[] histogram)
    {
        double total = histogram.Sum(), sumAll = 0;
        for (var i = 0; i < 256; i++)
        {
            sumAll += i * (double)histogram[i];
        }

        double weightBelow = 0, sumBelow = 0, best = -1;
        var threshold = 127;
        for (var t = 0; t < 256; t++)
        {
            weightBelow += histogram[t];
            if (weightBelow == 0)
            {
                continue;
            }

            var weightAbove = total - weightBelow;
            if (weightAbove == 0)
            {
                break;
            }

            sumBelow += t * (double)histogram[t];
            var meanBelow = sumBelow / weightBelow;
            var meanAbove = (sumAll - sumBelow) / weightAbove;
            var between = weightBelow * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best)
            {
                best = between;
                threshold = t;
            }
        }

        return (byte)threshold;
    }

    /// <summary>The median level of the pixels lighter than the threshold.</summary>
    private static byte PaperLevel(long[] histogram, byte threshold)
    {
        var count = histogram.Skip(threshold + 1).Sum();
        long seen = 0;
        for (var i = 255; i > threshold; i--)
        {
            seen += histogram[i];
            if (seen * 2 >= count)
            {
                return (byte)i;
            }
        }

        return 255;
    }
}
