using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;

namespace VNexsus.Ocr.Correction;

/// <summary>
/// The second look at code-like tokens (ocr-notes.md §5.5). The first pass's word boxes of suspect tokens
/// (<see cref="KcdToken.IsSuspect"/>) are cropped with a margin, widened to the left where a lost letter would be (never
/// into the previous word), and stacked into one strip, so a page costs one extra recognition however many codes it
/// holds. The strip is read by a Latin-only model restricted to capitals, digits and dots; the words read in each
/// crop's band are that crop's reading. A reading that is a well-formed code consistent with the first replaces the
/// token, and the word records the change. No code ever comes from anywhere but the page image.
/// </summary>
public static class CodeSecondPass
{
    public const string Reason = "kcd-second-pass";

    public const string Whitelist = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.";

    /// <summary>Crops whose box is lower than this are enlarged (200-dpi scans) so the Latin model sees usual glyph sizes.</summary>
    public const int SmallGlyphHeight = 26;

    private const int StripMargin = 16;

    /// <summary>Where one crop sits in the strip and which word of the page it shows.</summary>
    public sealed record Slot(int WordIndex, int Top, int Bottom);

    public sealed record Strip(GrayImage Image, IReadOnlyList<Slot> Slots);

    /// <summary>Indices (into <paramref name="words"/>) of tokens worth a second look.</summary>
    public static IReadOnlyList<int> FindSuspects(IReadOnlyList<TesseractTsv.Word> words)
    {
        var cueLines = TesseractTsv.Lines(words)
            .Where(line => KcdToken.HasCue(TesseractTsv.LineText(line)))
            .Select(line => line[0].LineKey)
            .ToHashSet();
        return Enumerable.Range(0, words.Count)
            .Where(i => KcdToken.IsSuspect(words[i].Text, cueLines.Contains(words[i].LineKey)))
            .ToList();
    }

    /// <summary>The strip of crops to read, or null when there is nothing to look at.</summary>
    public static Strip? BuildStrip(GrayImage page, IReadOnlyList<TesseractTsv.Word> words, IReadOnlyList<int> suspects)
    {
        if (suspects.Count == 0)
        {
            return null;
        }

        var crops = new List<(int Index, GrayImage Image)>();
        foreach (var index in suspects)
        {
            var word = words[index];
            var pad = Math.Max(3, word.Height / 5);
            var previousRight = words.Where(w => w.LineKey == word.LineKey && w.Right <= word.Left).Select(w => w.Right).DefaultIfEmpty(-1).Max();
            var widen = Math.Max(0, Math.Min((word.Height / 2) + pad, previousRight < 0 ? int.MaxValue : word.Left - previousRight - 2));
            var crop = page.Crop(word.Left - widen, word.Top - pad, word.Width + widen + pad, word.Height + (2 * pad));
            crops.Add((index, crop.Enlarge(word.Height < SmallGlyphHeight ? 2 : 1)));
        }

        var width = crops.Max(c => c.Image.Width) + (2 * StripMargin);
        var gaps = crops.Select(c => Math.Max(StripMargin, c.Image.Height / 2)).ToList();
        var height = crops.Sum(c => c.Image.Height) + gaps.Sum() + StripMargin;
        var strip = GrayImage.Blank(width, height);
        var slots = new List<Slot>();
        var y = StripMargin;
        for (var i = 0; i < crops.Count; i++)
        {
            strip.Paste(crops[i].Image, StripMargin, y);
            slots.Add(new Slot(crops[i].Index, y, y + crops[i].Image.Height));
            y += crops[i].Image.Height + gaps[i];
        }

        return new Strip(strip, slots);
    }

    /// <summary>
    /// The page's words with the suspect tokens replaced where the strip's reading is a consistent, well-formed code.
    /// A strip word belongs to the slot whose band holds its vertical centre; a slot's reading is its words left to right.
    /// </summary>
    public static IReadOnlyList<TesseractTsv.Word> Apply(IReadOnlyList<TesseractTsv.Word> words, Strip strip, IReadOnlyList<TesseractTsv.Word> stripWords)
    {
        var result = words.ToList();
        foreach (var slot in strip.Slots)
        {
            var reading = string.Concat(stripWords
                .Where(w => w.Top + (w.Height / 2) >= slot.Top && w.Top + (w.Height / 2) < slot.Bottom)
                .OrderBy(w => w.Left)
                .Select(w => w.Text));
            var word = words[slot.WordIndex];
            if (Consistent(word.Text, reading) is { } corrected)
            {
                result[slot.WordIndex] = word with
                {
                    Text = corrected,
                    Correction = new TextCorrection(word.Text, corrected, Reason, word.Box),
                };
            }
        }

        return result;
    }

    /// <summary>
    /// The correction for a reading; a reading with one stray character in front (a bracket the whitelist turned into a
    /// letter or digit) is tried without it. A trailing full stop is not part of a code.
    /// </summary>
    private static string? Consistent(string token, string reading)
    {
        reading = reading.TrimEnd('.');
        return reading.Length == 0 ? null : KcdToken.Corrected(token, reading) ?? (reading.Length > 1 ? KcdToken.Corrected(token, reading[1..]) : null);
    }
}
