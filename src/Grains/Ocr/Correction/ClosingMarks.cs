using System.Text.RegularExpressions;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;

namespace VNexsus.Ocr.Correction;

/// <summary>
/// A code's closing mark read as its last digit. Corner brackets sit low on the line, and the Korean model reads the
/// closing one as a digit (<c>『I48.9』</c> read <c>148.95</c>, <c>『K29.9』</c> read <c>K29.95</c>: holdout4 golden set),
/// which makes a well-formed code of the wrong one. A digit reaches the top of the digits beside it; a mark does not. So
/// the last glyph of a code with two digits after its dot (or a letter and four digits undotted) whose ink starts below
/// the middle of the glyph before it is a mark: it is read as a closing bracket, which sends the code to the second look
/// (<see cref="CodeSecondPass"/>) as a bracketed one.
/// </summary>
public static partial class ClosingMarks
{
    public const string Reason = "closing-mark";

    /// <summary>The words with every code's closing mark read as a digit read as a bracket.</summary>
    public static IReadOnlyList<TesseractTsv.Word> Read(GrayImage page, IReadOnlyList<TesseractTsv.Word> words)
    {
        List<TesseractTsv.Word>? result = null;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var (prefix, core, suffix) = KcdToken.Split(word.Text);
            if (suffix.Length == 0 && LongCode().IsMatch(core) && LastGlyphIsLow(page, word))
            {
                var text = prefix + core[..^1] + ")";
                (result ??= [.. words])[i] = word with { Text = text, Correction = new TextCorrection(word.Text, text, Reason, word.Box) };
            }
        }

        return result ?? words;
    }

    /// <summary>
    /// Whether the word's last run of inked columns starts lower than half-way down the run before it: both must be
    /// glyphs of their own (the runs are known only when the word's box holds at least three).
    /// </summary>
    private static bool LastGlyphIsLow(GrayImage page, TesseractTsv.Word word)
    {
        var runs = GlyphColumns.Runs(page, word.Left, word.Top, word.Width, word.Height);
        if (runs.Count < 3)
        {
            return false;
        }

        var last = GlyphColumns.InkRows(page, runs[^1], word.Top, word.Height);
        var before = GlyphColumns.InkRows(page, runs[^2], word.Top, word.Height);
        return last is { } mark && before is { } digit && digit.Bottom - digit.Top >= 4 && mark.Top > digit.Top + ((digit.Bottom - digit.Top) / 2);
    }

    // A code's shape ending in a glyph that may be a mark: a letter, two digits, and two more after a dot (K29.95) or
    // straight on (E0635); or a digit or bar read for the letter, dotted (148.95). Five figures undotted are a dose
    // (500mg read 50009: seed 67 heavy p13), not a code.
    [GeneratedRegex(@"^(?:[A-Z]\d{2}(?:\.\d{2}|\d{2})|[0-9|!]\d{2}\.\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex LongCode();
}
