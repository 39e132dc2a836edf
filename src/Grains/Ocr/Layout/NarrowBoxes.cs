using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Engines.Tesseract;

namespace VNexsus.Ocr.Layout;

/// <summary>
/// Word boxes far narrower than their text, widened towards the next word on their line. The Korean model sometimes
/// gives a word a box a few pixels wide with its glyphs beside it (<c>11.4</c> 9 px wide at a height of 31 px, its glyphs
/// about 60 px; a lone <c>ㄷ</c> read for the E of <c>E11.4</c>, 8 px: golden dev set): a crop from such a box holds a
/// sliver of the word, and a gap measured from it is the width of the lost glyphs. Only the words the code and date
/// passes crop or join are widened (those holding a digit, and a lone consonant, a Latin letter's reading); the text is
/// not changed.
/// </summary>
public static class NarrowBoxes
{
    /// <summary>A box narrower than this share of its glyphs' height (<see cref="TesseractTsv.GlyphHeight"/>) per glyph (<see cref="KcdToken.GlyphUnits"/>) cannot hold its text: digits measured 0.6–0.67.</summary>
    private const double MinGlyphWidth = 0.3;

    /// <summary>A lone consonant is drawn full width, as a syllable is (<see cref="KcdToken.GlyphUnits"/>: 1.7 digits).</summary>
    private const double LoneConsonantUnits = 1.7;

    /// <summary>The width per glyph, as a share of the height, a widened box is given.</summary>
    private const double GlyphWidth = 0.65;

    public static IReadOnlyList<TesseractTsv.Word> Widen(IReadOnlyList<TesseractTsv.Word> words)
    {
        var result = words.ToList();
        for (var i = 0; i < result.Count; i++)
        {
            var word = result[i];
            if (!Cropped(word.Text))
            {
                continue;
            }

            var units = LoneConsonant(word.Text) ? LoneConsonantUnits : word.Text.Sum(KcdToken.GlyphUnits);
            var height = TesseractTsv.GlyphHeight(words, word);
            if (word.Width >= MinGlyphWidth * units * height)
            {
                continue;
            }

            var nextLeft = TesseractTsv.NextLeft(words, word);
            var width = (int)Math.Min(GlyphWidth * units * height, (double)nextLeft - 2 - word.Left);
            if (width > word.Width)
            {
                result[i] = word with { Width = width };
            }
        }

        return result;
    }

    private static bool Cropped(string text) => text.Any(char.IsAsciiDigit) || LoneConsonant(text);

    private static bool LoneConsonant(string text) => text.Length == 1 && Hangul.IsConsonant(text[0]);
}
