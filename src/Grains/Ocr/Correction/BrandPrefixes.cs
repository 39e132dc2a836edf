using System.Text.RegularExpressions;
using VNexsus.Ocr.Engines.Tesseract;

namespace VNexsus.Ocr.Correction;

/// <summary>
/// The Latin capitals of a clinic's brand in front of its Korean name (<c>YK서향의원</c>, <c>CS마중영상의학과의원</c>). On a page of
/// Korean the mixed model reads such capitals as marks or digits (<c>\서향의원</c>, <c>65마중영상의학과의원</c>: holdout9 golden
/// set), and the hospital then loses its name. The word of marks or digits glued in front of a hospital's name (Hangul
/// syllables up to a suffix such as 의원 or 병원) is re-read on its own by the Latin model (capitals and digits,
/// <see cref="CodeSecondPass.Whitelist"/>), from its left edge to the name's first syllable, where the capitals were read
/// right on every scan measured. The re-reading replaces the word only when it is two to four capitals: digits stay
/// digits (<c>365</c> is read as 365), and a lone stroke read as <c>I</c> is a rule or a mark, not a brand. Each change
/// is recorded on its word.
/// </summary>
public static partial class BrandPrefixes
{
    public const string Reason = "brand-prefix";

    /// <summary>Longest first reading looked at: the model gives two or three capitals as one to three marks or digits.</summary>
    private const int MaxPrefixLength = 3;

    /// <summary>
    /// Words (by index) of marks and digits glued in front of a hospital's name (a first reading with letters is kept:
    /// <c>Dr.</c>); a name is Hangul syllables up to one of <paramref name="suffixes"/>, the words glued after it read together.
    /// </summary>
    public static IReadOnlyList<int> FindSuspects(IReadOnlyList<TesseractTsv.Word> words, IReadOnlyList<string> suffixes) =>
        Enumerable.Range(0, words.Count - 1)
            .Where(i => words[i].Text.Length <= MaxPrefixLength && !words[i].Text.Any(c => Hangul.IsSyllable(c) || char.IsAsciiLetter(c))
                && words[i + 1].LineKey == words[i].LineKey && words[i + 1].SpaceBefore != true && words[i + 1].Left > words[i].Left
                && NameFollows(words, i + 1, suffixes))
            .ToList();

    /// <summary>The regions to re-read: from each suspect's left edge to the first syllable of the name, as high as both.</summary>
    public static IReadOnlyList<RegionStrip.Region> Regions(IReadOnlyList<TesseractTsv.Word> words, IReadOnlyList<int> suspects) =>
        suspects.Select(index =>
        {
            var (prefix, name) = (words[index], words[index + 1]);
            var (top, bottom) = (Math.Min(prefix.Top, name.Top), Math.Max(prefix.Bottom, name.Bottom));
            var pad = Math.Max(3, (bottom - top) / 5);
            return new RegionStrip.Region(index, index, prefix.Left - pad, top - pad, name.Left - prefix.Left + pad, bottom - top + (2 * pad), bottom - top);
        }).ToList();

    /// <summary>The page's words with every prefix whose re-reading is a brand replaced by it.</summary>
    public static IReadOnlyList<TesseractTsv.Word> Apply(IReadOnlyList<TesseractTsv.Word> words, RegionStrip strip, IReadOnlyList<TesseractTsv.Word> stripWords)
    {
        var result = words.ToArray();
        foreach (var slot in strip.Slots)
        {
            var reading = string.Concat(RegionStrip.WordsIn(slot, stripWords).Select(w => w.Text));
            var word = words[slot.WordIndex];
            if (Brand().IsMatch(reading) && reading != word.Text)
            {
                result[slot.WordIndex] = word with { Text = reading, Correction = new TextCorrection(word.Correction?.Original ?? word.Text, reading, Reason, word.Box) };
            }
        }

        return result;
    }

    private static bool NameFollows(IReadOnlyList<TesseractTsv.Word> words, int first, IReadOnlyList<string> suffixes)
    {
        // The name is the words glued to the first one: a space ends it (서향의원 가정의학과).
        var line = string.Concat(words.Skip(first).TakeWhile((w, at) => w.LineKey == words[first].LineKey && (at == 0 || w.SpaceBefore != true)).Select(w => w.Text));
        var syllables = new string(line.TakeWhile(Hangul.IsSyllable).ToArray());
        return syllables.Length >= 2 && suffixes.Any(suffix => suffix.All(Hangul.IsSyllable) && syllables.IndexOf(suffix, 1, StringComparison.Ordinal) > 0);
    }

    [GeneratedRegex(@"^[A-Z]{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Brand();
}
