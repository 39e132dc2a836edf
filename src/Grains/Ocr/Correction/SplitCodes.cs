using VNexsus.Ocr.Engines.Tesseract;

namespace VNexsus.Ocr.Correction;

/// <summary>
/// Codes the first reading split into two words where a glyph was lost or widened the gap: <c>(61 1.9)</c> for
/// <c>(E11.9)</c>, <c>(\/1 7.9)</c> for <c>(M17.9)</c>, <c>K21 0</c> for <c>K21.0</c>. Two neighbouring words of a line
/// that together have a code's shape, neither a code alone, are one token for the code passes, which crop and re-read
/// them as one. A joined token that no pass turns into a well-formed code goes back to the two words it was: the join
/// alone changes no text (<c>K21 0</c> may be a code and a count), and a corrected one records the two words as what the
/// first reading had.
/// </summary>
public static class SplitCodes
{
    /// <summary>The widest gap (in the taller word's heights) between the two halves: a lost dot or a glyph's width.</summary>
    private const double MaxGap = 1.0;

    /// <summary>The widest gap (in the taller word's heights) after a code's letter and first digit read as one syllable: a glyph's spacing.</summary>
    private const double LetterGap = 0.5;

    /// <summary>
    /// The page's words with split codes joined, and the words each joined token was made of (keyed by the token). Only
    /// where a code stands: in brackets, on a line with a code cue, last on a diagnosis line or under a code column's
    /// header (a lab value split as <c>12 3.5</c> stays two words).
    /// </summary>
    public static (IReadOnlyList<TesseractTsv.Word> Words, IReadOnlyDictionary<TesseractTsv.Word, (TesseractTsv.Word First, TesseractTsv.Word Second)> Joins) Join(
        IReadOnlyList<TesseractTsv.Word> words)
    {
        var result = new List<TesseractTsv.Word>(words.Count);
        var joins = new Dictionary<TesseractTsv.Word, (TesseractTsv.Word First, TesseractTsv.Word Second)>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < words.Count; i++)
        {
            if (i + 1 < words.Count && Joined(words[i], words[i + 1]) is { } token)
            {
                result.Add(token);
                joins.Add(token, (words[i], words[i + 1]));
                i++;
            }
            else
            {
                result.Add(words[i]);
            }
        }

        var placed = joins.Where(join => LetterOfDottedCode(join.Value.First, join.Key) || InCodePosition(result, result.FindIndex(w => ReferenceEquals(w, join.Key))))
            .ToDictionary(ReferenceEqualityComparer.Instance);
        return placed.Count == joins.Count ? (result, joins) : (Restore(result, joins.Where(j => !placed.ContainsKey(j.Key)).ToDictionary(ReferenceEqualityComparer.Instance)), placed);
    }

    /// <summary>
    /// A lone Hangul consonant before a dotted code's digits (<c>ㄷ 11.4</c> for <c>E11.4</c>): no Korean word is a lone
    /// consonant, and a dotted number with a letter's glyph in front is worth a look anywhere (<see cref="KcdToken.IsSuspect"/>).
    /// </summary>
    private static bool LetterOfDottedCode(TesseractTsv.Word first, TesseractTsv.Word joined) =>
        first.Text.Length == 1 && Hangul.IsConsonant(first.Text[0]) && KcdToken.IsSuspect(joined.Text, lineHasCue: false);

    private static bool InCodePosition(IReadOnlyList<TesseractTsv.Word> words, int index) =>
        KcdToken.IsBracketed(words[index].Text) ||
        KcdToken.HasCue(TesseractTsv.LineText(words.Where(w => w.LineKey == words[index].LineKey).ToList())) ||
        CodeLetterPass.LastOnDiagnosisLine(words, index) ||
        CodeColumn.UnderHeader(words, index);

    /// <summary>
    /// The words after the code passes with each joined token that is still the join (no pass corrected it) split back
    /// into its two words, and each corrected one recording the two words as its original.
    /// </summary>
    public static IReadOnlyList<TesseractTsv.Word> Restore(
        IReadOnlyList<TesseractTsv.Word> words, IReadOnlyDictionary<TesseractTsv.Word, (TesseractTsv.Word First, TesseractTsv.Word Second)> joins)
    {
        if (joins.Count == 0)
        {
            return words;
        }

        var byBox = joins.ToDictionary(j => j.Key.Box, j => j.Value);
        return words.SelectMany(word =>
        {
            if (joins.TryGetValue(word, out var parts))
            {
                return new[] { parts.First, parts.Second };
            }

            return word.Correction is { } correction && byBox.TryGetValue(word.Box, out parts)
                ? [word with { Correction = correction with { Original = Text(parts) } }]
                : new[] { word };
        }).ToList();
    }

    /// <summary>The two words as one token, or null when they are not a split code.</summary>
    public static TesseractTsv.Word? Joined(TesseractTsv.Word first, TesseractTsv.Word second)
    {
        // A code's head (61, \/1, K21: at most its letter's glyph and two digits) and a tail that is no code shape of its
        // own (1.9, 0): two words that are each a code's shape (질병분류기호: 080 110) are two codes, each re-read alone. A
        // head of one glyph is no code, and may be the letter of a code that lost only it (1 17.1 for M17.1: golden dev2 set).
        // Or the code's letter read as Hangul, a word of its own close before the code's digits: a consonant that looks like
        // the letter, up to a height before them (seed 83 light p10: ㄷ 119 for E119, 10 px apart; the digits then are a
        // code's shape of their own; on any line when they are dotted, LetterOfDottedCode), or
        // a syllable that looks like the letter and its first digit, with no space before the rest (터1.9 for E11.9; the
        // joined text must then be that shape, KcdToken.IsSuspect).
        // The model may also read a code's last digit again as a word inside the code's box, having lost the dot
        // (K29 5 for K29.5, the 5 within K29's box: golden dev set).
        var gap = second.Left - first.Right;
        var height = Math.Max(first.Height, second.Height);
        var inside = second.Left >= first.Left && second.Right <= first.Right + (height / 4);
        var hangulLetter = first.Text.Length == 1 && !KcdToken.IsYear(second.Text) &&
            ((Hangul.IsConsonant(first.Text[0]) && gap <= MaxGap * height) || (Hangul.IsSyllable(first.Text[0]) && gap <= LetterGap * height && second.SpaceBefore == false));
        if (first.LineKey != second.LineKey || (gap < 0 && !inside) || gap > MaxGap * height ||
            !(char.IsAsciiDigit(first.Text[^1]) || hangulLetter) || !(char.IsAsciiDigit(second.Text[0]) || second.Text[0] == '.') ||
            KcdToken.Split(first.Text).Core.Count(char.IsAsciiDigit) > 2 ||
            KcdToken.IsWellFormed(KcdToken.Split(second.Text).Core) || (!hangulLetter && first.Text.Length > 1 && KcdToken.IsSuspect(second.Text, lineHasCue: true)))
        {
            return null;
        }

        var text = first.Text + second.Text;
        var core = KcdToken.Split(text).Core;
        var codeShaped = KcdToken.IsWellFormed(core) || KcdToken.IsSuspect(text, lineHasCue: true) || KcdToken.MayHaveLostDot(text);
        var top = Math.Min(first.Top, second.Top);
        return codeShaped && !KcdToken.IsYear(core)
            ? first with { Width = Math.Max(first.Right, second.Right) - first.Left, Top = top, Height = Math.Max(first.Bottom, second.Bottom) - top, Confidence = Math.Min(first.Confidence, second.Confidence), Text = text }
            : null;
    }

    private static string Text((TesseractTsv.Word First, TesseractTsv.Word Second) parts) =>
        parts.First.Text + (parts.Second.SpaceBefore == false ? "" : " ") + parts.Second.Text;
}
