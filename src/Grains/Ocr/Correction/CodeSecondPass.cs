using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;

namespace VNexsus.Ocr.Correction;

/// <summary>
/// The second look at code-like tokens (ocr-notes.md §5.5). The first pass's word boxes of suspect tokens
/// (<see cref="KcdToken.IsSuspect"/>) are cropped with a margin, widened to the left where a lost letter would be (never
/// into the previous word), and stacked into one <see cref="RegionStrip"/>. The strip is read by a Latin-only model
/// restricted to capitals, digits and dots; the words read in each crop's band are that crop's reading. A reading that is
/// a well-formed code consistent with the first replaces the token, and the word records the change. No code ever comes
/// from anywhere but the page image.
/// </summary>
public static class CodeSecondPass
{
    public const string Reason = "kcd-second-pass";

    public const string Whitelist = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.";

    /// <summary>Indices (into <paramref name="words"/>) of tokens worth a second look.</summary>
    public static IReadOnlyList<int> FindSuspects(IReadOnlyList<TesseractTsv.Word> words)
    {
        var cueLines = TesseractTsv.Lines(words)
            .Where(line => KcdToken.HasCue(TesseractTsv.LineText(line)))
            .Select(line => line[0].LineKey)
            .ToHashSet();
        return Enumerable.Range(0, words.Count)
            .Where(i => KcdToken.IsSuspect(words[i].Text, cueLines.Contains(words[i].LineKey) || KcdToken.IsBracketed(words[i].Text)))
            .ToList();
    }

    /// <summary>The regions to re-read: each suspect's box with a margin, widened to the left where a lost letter would be.</summary>
    public static IReadOnlyList<RegionStrip.Region> Regions(IReadOnlyList<TesseractTsv.Word> words, IReadOnlyList<int> suspects) =>
        suspects.Select(index =>
        {
            var word = words[index];
            var pad = Math.Max(3, word.Height / 5);
            var previousRight = words.Where(w => w.LineKey == word.LineKey && w.Right <= word.Left).Select(w => w.Right).DefaultIfEmpty(-1).Max();
            var widen = Math.Max(0, Math.Min((word.Height / 2) + pad, previousRight < 0 ? int.MaxValue : word.Left - previousRight - 2));
            return new RegionStrip.Region(index, index, word.Left - widen, word.Top - pad, word.Width + widen + pad, word.Height + (2 * pad), word.Height);
        }).ToList();

    /// <summary>The strip of crops to read, or null when there is nothing to look at.</summary>
    public static RegionStrip? BuildStrip(GrayImage page, IReadOnlyList<TesseractTsv.Word> words, IReadOnlyList<int> suspects) =>
        RegionStrip.Build(page, Regions(words, suspects));

    /// <summary>The page's words with the suspect tokens replaced where the strip's reading is a consistent, well-formed code.</summary>
    public static IReadOnlyList<TesseractTsv.Word> Apply(IReadOnlyList<TesseractTsv.Word> words, RegionStrip strip, IReadOnlyList<TesseractTsv.Word> stripWords)
    {
        var result = words.ToList();
        foreach (var slot in strip.Slots)
        {
            var reading = string.Concat(RegionStrip.WordsIn(slot, stripWords).Select(w => w.Text));
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
