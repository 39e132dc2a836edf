using System.Text.RegularExpressions;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;
using VNexsus.Rules;

namespace VNexsus.Ocr.Correction;

/// <summary>
/// The first letter of a code that both the Korean model and the Latin model (<see cref="CodeSecondPass"/>) read as a
/// digit (<c>593.40</c>, <c>(110)</c>, <c>080</c>) or lost (<c>20.9)</c>, Latin <c>120.9</c>). A KCD code is a letter
/// and two digits, so where only a code can stand the first glyph is a letter by the format; a Latin model allowed only
/// capitals (and the dot) says which. Only where only a code can stand: after a code label (<c>질병분류기호:</c>), last on a
/// diagnosis line after the disease name (<c>주진단</c>, <c>부진단</c>, <c>진단명</c>, <c>상병명</c>, <c>상병</c>; on an assessment line,
/// <c>A:</c>, only in brackets), or in a column of codes. A number anywhere else (<c>110 mg/dL</c>, a dose, a date) is
/// never looked at. The digits always come from the readings that can read digits; the letter-only reading gives just
/// the one glyph, taken only when two readings of it (the glyph alone, the glyph to the token's end) agree: Tesseract's
/// word confidence measured 0 on right readings of these crops, so it is no vote.
/// </summary>
public static partial class CodeLetterPass
{
    public const string Reason = "kcd-letter-pass";

    public const string Whitelist = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>
    /// Labels that start a line naming one diagnosis, whose last word is then its code; the longer of two that start alike
    /// first, because the label is cut off the name (<c>상병 1) 오래된 심근경색증 [125.2 ]</c>: holdout6 golden set).
    /// </summary>
    public static readonly string[] DiagnosisLabels = ["주진단", "부진단", "진단명", "상병명", "주상병", "부상병", "상병"];

    /// <summary>Words that start like a diagnosis label and are none: 상병수당 is the sickness allowance, its lines end in amounts and days.</summary>
    private static readonly string[] NotDiagnosisLabels = ["상병수당"];

    /// <summary>Labels after which diagnosis codes follow (<c>질병분류기호:</c>, <c>상병코드:</c>); not any code (<c>검사코드:</c>).</summary>
    public static readonly string[] CodeLabelCues = ["분류기호", "분류번호", "상병코드", "질병코드", "진단코드", "상병기호", "KCD"];

    /// <summary>A classification's edition after its name (KCD7, KCD-8).</summary>
    private static readonly char[] EditionDigits = "0123456789".ToCharArray();

    /// <summary>
    /// Whether a word ends in a code label, the classification's edition and a closing bracket counted with it
    /// (<c>(KCD7)</c>, <c>[KCD-8]</c>: holdout9 golden set).
    /// </summary>
    public static bool EndsWithCodeLabel(string word)
    {
        var label = word.TrimEnd(')', ']', '）').TrimEnd(EditionDigits).TrimEnd('-');
        return CodeLabelCues.Any(label.EndsWith);
    }

    /// <summary>
    /// Indices of tokens to read with the letters-only model: still not a code after the Latin reading
    /// (<paramref name="latinReadings"/>, by token index), shaped like a code whose letter became a digit (<c>593.40</c>,
    /// <c>110</c>, <c>59340</c>; not a year) or was lost (<c>20.9</c>), in a position where only a code can stand.
    /// </summary>
    public static IReadOnlyList<int> FindSuspects(IReadOnlyList<TesseractTsv.Word> words, IReadOnlyDictionary<int, string> latinReadings) =>
        latinReadings.Keys
            .Where(i => Shape(KcdToken.Split(words[i].Text).Core) && InCodePosition(words, i))
            .Order()
            .ToList();

    /// <summary>Whether the token is a code position: after a code label or a principal/secondary diagnosis marker, last on a diagnosis line, heading its name, in a column of codes, between a row's department and name, or under a code column's header.</summary>
    public static bool InCodePosition(IReadOnlyList<TesseractTsv.Word> words, int index) =>
        AfterCodeLabel(words, index) || AfterDiagnosisMarker(words, index) || LastOnDiagnosisLine(words, index) || HeadsItsName(words, index) || BetweenCodes(words, index) ||
        BetweenDepartmentAndName(words, index) || CodeColumn.UnderHeader(words, index);

    private static readonly HashSet<string> Departments = RuleData.Default.Entities.Departments.ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the token stands in a row's code column, between its department and its diagnosis name (<c>2023년 8월 25일
    /// 내과 6118 2형 당뇨병(합병증 동반)</c>: holdout11 golden set): a department word right before it and a word with Hangul
    /// right after it, on its line.
    /// </summary>
    public static bool BetweenDepartmentAndName(IReadOnlyList<TesseractTsv.Word> words, int index) =>
        index > 0 && index + 1 < words.Count
        && words[index - 1].LineKey == words[index].LineKey && words[index + 1].LineKey == words[index].LineKey
        && Departments.Contains(words[index - 1].Text) && words[index + 1].Text.Any(Hangul.IsSyllable);

    /// <summary>
    /// Whether the token follows the marker of a principal or secondary diagnosis, <c>(주)</c> or <c>(부)</c>, which
    /// records put straight before the code (<c>(주) 10 (본태성(일차성) 고혈압)</c>: holdout7 golden set).
    /// </summary>
    public static bool AfterDiagnosisMarker(IReadOnlyList<TesseractTsv.Word> words, int index) =>
        index > 0 && words[index - 1].LineKey == words[index].LineKey && DiagnosisMarker().IsMatch(words[index - 1].Text);

    /// <summary>
    /// Whether the token heads a name as a code does in a record's row (<c>2023.08.26 |139 : 고혈압성 심장 및 신장병</c>:
    /// holdout4 golden set): first on its line or after a date (and its weekday), then a colon or a dash and a Hangul name
    /// (<c>2022/09/23(금) ▶ㄷ11.9-합병증 없는 2형 당뇨병</c>: holdout12), or a slash and a Latin abbreviation
    /// (<c>2021. 4. 24. ▷ 110/HTN</c>, also after a date with Korean units: holdout13), the row's marks before the code aside. A value after its measurement's name
    /// (<c>공복혈당 126 : 정상</c>) is not at a row's head.
    /// </summary>
    public static bool HeadsItsName(IReadOnlyList<TesseractTsv.Word> words, int index)
    {
        var before = Weekday().Replace(RowMarks().Replace(TesseractTsv.TextBefore(words, index), ""), "");
        if (before.Length > 0 && !char.IsAsciiDigit(before[^1]) && before[^1] != '.' && !KoreanDateEnd().IsMatch(before))
        {
            return false;
        }

        var after = KcdToken.Split(words[index].Text).Suffix + " " + string.Join(" ", words.Skip(index + 1).TakeWhile(w => w.LineKey == words[index].LineKey).Take(2).Select(w => w.Text));
        return ColonThenName().IsMatch(after);
    }

    [GeneratedRegex(@"^\s*(?:[:：]\s*[가-힣]|[-_][가-힣]|/[A-Za-z]{2})")]
    private static partial Regex ColonThenName();

    /// <summary>
    /// A row's marks between its date and its code as the Korean model reads them, apart or run into the date's time
    /// (▷ read <c>&gt;</c>, <c>[&gt;</c>, <c>12:48`'[『&gt;</c>: holdout13 golden set); not a weekday's closing bracket.
    /// </summary>
    [GeneratedRegex(@"[^\sA-Za-z0-9가-힣.)]*(?:\s+[^\sA-Za-z0-9가-힣.)]+)*\s*$")]
    private static partial Regex RowMarks();

    /// <summary>A date written with Korean units ends the text (<c>2021년09월21일</c>).</summary>
    [GeneratedRegex(@"[0-9]\s?일$")]
    private static partial Regex KoreanDateEnd();

    [GeneratedRegex(KoreanText.WeekdayInBrackets + "$")]
    private static partial Regex Weekday();

    /// <summary>
    /// In a column of codes: codes of its block overlap it in the rows right above and right below. One code beside it
    /// is not enough here (<see cref="CodeColumn.Holds"/>): a record's temperature (<c>체온 36.5</c>) ends the line above
    /// its assessment's code.
    /// </summary>
    private static bool BetweenCodes(IReadOnlyList<TesseractTsv.Word> words, int index)
    {
        var word = words[index];
        var rowReach = 3 * Math.Max(word.Height, 1);
        var codes = words.Where(code => code.Block == word.Block && code.LineKey != word.LineKey && Math.Abs(code.Top - word.Top) <= rowReach &&
            code.Left < word.Right && word.Left < code.Right && KcdToken.IsWellFormed(KcdToken.Split(code.Text).Core)).ToList();
        return codes.Any(c => c.Top < word.Top) && codes.Any(c => c.Top > word.Top);
    }

    /// <summary>
    /// Two crops of each suspect, both starting at its letter: the token's first glyph after its brackets or label (the
    /// letter read as a digit), or the glyph width left of the token (the letter lost). One crop is that glyph alone, the
    /// other runs on to the token's end. There are no glyph boxes: the glyph read as a digit is the page's run of inked
    /// columns that stands for its character (<see cref="GlyphColumns"/>) when the token's runs are one per character;
    /// otherwise, and for a lost letter, it is placed by the widths of the token's characters in its word box (a dot or
    /// bracket is about half a digit, a syllable 1.7).
    /// </summary>
    public static IReadOnlyList<RegionStrip.Region> Regions(IReadOnlyList<TesseractTsv.Word> words, IReadOnlyList<int> suspects, GrayImage? page = null) =>
        suspects.SelectMany(index =>
        {
            var word = words[index];
            var (prefix, core, _) = KcdToken.Split(word.Text);
            var unit = word.Width / Math.Max(1, word.Text.Sum(KcdToken.GlyphUnits));
            var pad = Math.Max(3, word.Height / 5);
            var (top, height) = (word.Top - pad, word.Height + (2 * pad));
            var lost = KcdToken.IsLetterLost(core);
            if (!lost && page is not null && GlyphColumns.Glyph(page, word.Left, word.Top, word.Width, word.Height, word.Text, prefix.Length, pad) is { } glyph)
            {
                // The glyph alone is read on as much paper as the estimate would crop, its neighbours' ink painted out.
                var paper = (int)Math.Ceiling(0.6 * unit);
                return new[]
                {
                    new RegionStrip.Region(index, index, glyph.Left - paper, top, glyph.Right - glyph.Left + (2 * paper), height, word.Height, glyph.Left, glyph.Right),
                    new RegionStrip.Region(index, index, glyph.Left, top, word.Right + pad - glyph.Left, height, word.Height),
                };
            }

            var left = (int)(lost ? word.Left - (1.25 * unit) : word.Left + (prefix.Sum(KcdToken.GlyphUnits) * unit) - (0.1 * unit));
            return new[]
            {
                new RegionStrip.Region(index, index, left, top, (int)Math.Ceiling(1.2 * unit), height, word.Height),
                new RegionStrip.Region(index, index, left, top, word.Right + pad - left, height, word.Height),
            };
        }).ToList();

    /// <summary>
    /// The page's words with each suspect's letter taken from the letters-only readings of its two crops
    /// (<see cref="Regions"/>) where a second reading confirms it (<see cref="Letter"/>) and <see cref="Corrected"/> gives
    /// a code; every change is recorded on its word. The word confidence of a letters-only reading says nothing about its
    /// first glyph (the digits after it are forced into letters: <c>S9340</c> read <c>S</c> at confidence 0), so another
    /// reading must agree instead.
    /// </summary>
    public static IReadOnlyList<TesseractTsv.Word> Apply(
        IReadOnlyList<TesseractTsv.Word> words, IReadOnlyDictionary<int, string> latinReadings, RegionStrip strip, IReadOnlyList<TesseractTsv.Word> stripWords)
    {
        var result = words.ToList();
        foreach (var slots in strip.Slots.GroupBy(slot => slot.WordIndex))
        {
            var word = words[slots.Key];
            var readings = slots.Select(slot => string.Concat(RegionStrip.WordsIn(slot, stripWords).Select(w => w.Text))).ToList();
            var letter = readings.Count == 2 ? Letter(word.Text, readings[0], readings[1]) : null;
            var corrected = (letter is { } agreed ? Corrected(word.Text, latinReadings[slots.Key], agreed) : null)
                ?? WithLetterI(word.Text, latinReadings[slots.Key], readings);
            if (corrected is not null)
            {
                result[slots.Key] = word with { Text = corrected, Correction = new TextCorrection(word.Correction?.Original ?? word.Text, corrected, Reason, word.Box) };
            }
        }

        return result;
    }

    /// <summary>
    /// The letter the letters-only reading of the glyph alone (<paramref name="glyph"/>) shows when a second reading of
    /// the glyph confirms it, or null. The glyph read in its token (<paramref name="whole"/>) confirms it by starting with
    /// the same letter. When that reading is empty (the model often reads nothing in a crop of mostly digits), the first
    /// reading confirms it where it saw the glyph as the digit that letter is drawn like (S as 5, O as 0, G as 6, B as 8):
    /// the Korean model has no Latin letters, so it gives a letter's look-alike digit. Not a 1: I, J and L all come out
    /// as 1, so it confirms none of them (<see cref="WithLetterI"/> decides a bar). A first reading that lost the glyph,
    /// or a second reading that shows another letter, confirms nothing. Nor does anything confirm, where the first reading
    /// saw a 1, a letter not drawn as a bar: the crops then held more than the glyph (<c>/ 1251</c> read <c>Z</c> for the
    /// I of I251: golden dev2 set).
    /// </summary>
    public static char? Letter(string token, string glyph, string whole)
    {
        var core = KcdToken.Split(token).Core;
        if (glyph.Length == 0 || !char.IsAsciiLetterUpper(glyph[0]) || (core.Length > 0 && core[0] == '1' && glyph[0] is not ('I' or 'J' or 'L')))
        {
            return null;
        }

        var confirmed = whole.Length > 0
            ? whole[0] == glyph[0]
            : core.Length > 0 && !KcdToken.IsLetterLost(core) && core[0] != '1' && KcdToken.DigitFor(glyph[0]) == core[0];
        return confirmed ? glyph[0] : null;
    }

    /// <summary>
    /// The token with <paramref name="letter"/> (the letters-only reading of the letter's crop) as its code's letter, or
    /// null. The Latin reading of the token (<paramref name="latin"/>) must show exactly one glyph in front of the first
    /// reading's digits after its first glyph (that glyph was the letter: <c>593.40</c>) or in front of all of them (the
    /// letter was lost: <c>20.9</c>, Latin <c>120.9</c>), its letter-for-digit confusions undone. The digits are the first
    /// reading's; a dot only the Latin reading shows is taken when both show the same digits (<c>6119</c>, Latin
    /// <c>611.9</c>). A Latin reading that itself starts with the letter is a third reading of it: then it may have lost
    /// digits after it (<c>(651)</c>, Latin <c>RS</c>), as long as what it shows is among the first reading's, in order.
    /// A Latin reading of just the first reading's digits after its first glyph lost that glyph (<c>593.40</c>, Latin
    /// <c>93.40</c>): it confirms the digits, the letter is the letters-only reading's. Only where the first reading saw
    /// the glyph; where that too shows none (<c>20.9</c>), nothing but the letters-only model says a glyph is there.
    /// </summary>
    public static string? Corrected(string token, string latin, char letter)
    {
        var (prefix, core, suffix) = KcdToken.Split(token);
        if (!Shape(core) || !char.IsAsciiLetterUpper(letter))
        {
            return null;
        }

        var digits = KcdToken.IsLetterLost(core) ? core : core[1..];
        latin = latin.TrimEnd('.');
        var tail = new string(latin[Math.Min(1, latin.Length)..].Select(KcdToken.DigitFor).ToArray());
        var (latinDigits, firstDigits) = (Undotted(tail), Undotted(digits));
        var glyphLost = !KcdToken.IsLetterLost(core) && Undotted(new string(latin.Select(KcdToken.DigitFor).ToArray())) == firstDigits;
        var consistent = latinDigits == firstDigits || glyphLost || (latin.Length > 0 && latin[0] == letter && latinDigits.Length > 0 && InOrderWithin(latinDigits, firstDigits));
        if (latin.Length < 2 || !char.IsAsciiLetterOrDigit(latin[0]) || !consistent)
        {
            return null;
        }

        var code = letter + (KcdToken.IsDotted(letter + tail) && !digits.Contains('.', StringComparison.Ordinal) ? tail : digits);
        return KcdToken.IsWellFormed(code) ? prefix + code + suffix : null;
    }

    /// <summary>
    /// The token with the letter I in front of its digits, or null. No code starts with a digit, and I is the letter
    /// drawn as the bar that both digit-reading models take for 1: in a position where only a code can stand, a first
    /// glyph the Korean model read as 1 is I, unless a letters-only reading of that glyph (<paramref name="letterReadings"/>:
    /// the glyph alone, then the glyph in its token) shows another letter (L and J are read as 1 too: <c>130.9</c> is
    /// <c>L30.9</c>; when the readings disagree between I and J the code stays unread). Those readings are often empty,
    /// because Tesseract drops a lone bar; the reading in the token then starts with what follows the bar (<c>110</c>
    /// read <c>O</c>), so there only J or L, the other letters drawn like 1, speaks against I. The Latin reading must show the
    /// same digits, either after a 1 (marks in front of it aside: <c>S.110</c>) or alone (it dropped the bar too:
    /// <c>10</c>), or after an I (a dot it put among them aside: <c>I1.0</c>); the digits and the dot are the first
    /// reading's.
    /// </summary>
    public static string? WithLetterI(string token, string latin, IReadOnlyList<string> letterReadings)
    {
        var (prefix, core, suffix) = KcdToken.Split(token);
        var latinCore = latin.TrimEnd('.');
        var afterI = latinCore.Length > 1 && latinCore[0] == 'I' && Undotted(latinCore[1..]) == Undotted(core[1..]);
        // The Korean model may have lost the I altogether (139』 for 『I139』, Latin 1139: holdout4 golden set): the Latin
        // reading is then a bar and exactly the first reading's glyphs, and the letters-only reading of the glyph must say I
        // (a lost glyph the Latin model reads as 1 may be J or L); without it the code stays unread, never I with a digit less.
        var barThenCore = latinCore.Length == core.Length + 1 && KcdToken.IsBar(latinCore[0]) && latinCore.EndsWith(core, StringComparison.Ordinal);
        var lost = barThenCore && letterReadings.Take(1).Any(r => r.StartsWith('I'));
        var bar = core.Length >= 3 && Shape(core) && (lost || (!barThenCore && core[0] == '1' && (latinCore.EndsWith(core, StringComparison.Ordinal) || latinCore == core[1..] || afterI)));
        var code = "I" + (lost ? core : core[1..]);
        var otherLetter = letterReadings.Take(1).Any(r => r.Length > 0 && r[0] != 'I') || letterReadings.Skip(1).Any(r => r.Length > 0 && r[0] is 'J' or 'L');
        return bar && KcdToken.IsWellFormed(code) && !otherLetter ? prefix + code + suffix : null;
    }

    private static string Undotted(string text) => text.Replace(".", "", StringComparison.Ordinal);

    /// <summary>Whether the characters of <paramref name="part"/> appear in <paramref name="whole"/> in the same order.</summary>
    private static bool InOrderWithin(string part, string whole)
    {
        var at = 0;
        foreach (var c in part)
        {
            at = whole.IndexOf(c, at) + 1;
            if (at == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a code-shaped reading has a digit where its letter should be (<c>593.40</c>, <c>080</c>; not a year).</summary>
    public static bool LetterReadAsDigit(string core) => LetterAsDigit().IsMatch(core) && !KcdToken.IsYear(core);

    private static bool Shape(string core) => !KcdToken.IsWellFormed(core) && (LetterReadAsDigit(core) || KcdToken.IsLetterLost(core));

    /// <summary>
    /// Whether the token follows a code label (<c>질병분류기호:</c>, or without its colon: <c>질병분류기호 40</c>, holdout2
    /// golden set), with only codes or code shapes between (a code the model ran into the label, <c>질병분류기호:H109</c>, among them).
    /// </summary>
    public static bool AfterCodeLabel(IReadOnlyList<TesseractTsv.Word> words, int index)
    {
        var before = (TesseractTsv.TextBefore(words, index) + KcdToken.Split(words[index].Text).Prefix).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var labelAt = Array.FindLastIndex(before, word => CodeLabelCues.Any(word.Contains));
        if (labelAt < 0)
        {
            return false;
        }

        var label = before[labelAt];
        var colon = label.LastIndexOf(':');
        var ranInto = colon < 0 ? [] : label[(colon + 1)..].Split(':', StringSplitOptions.RemoveEmptyEntries);
        return (colon >= 0 || EndsWithCodeLabel(label))
            && ranInto.Concat(before.Skip(labelAt + 1)).All(t => KcdToken.IsWellFormed(KcdToken.Split(t).Core) || Shape(KcdToken.Split(t).Core));
    }

    /// <summary>
    /// Whether the token is last on a line naming one diagnosis (<see cref="DiagnosisLabels"/>, after the line's leading
    /// mark, in brackets or not: <c>【상병】 고혈압 (본태성) ≡ I10</c>, holdout14 golden set) after the disease name, or in brackets last on an assessment line (<c>A:</c>) after it.
    /// </summary>
    public static bool LastOnDiagnosisLine(IReadOnlyList<TesseractTsv.Word> words, int index)
    {
        // The Korean model gives each syllable as a word (주 진 단): the label and the name are read from the line's text.
        var line = Enumerable.Range(0, words.Count).Where(i => words[i].LineKey == words[index].LineKey).ToList();
        if (line.Last(i => IsText(words[i])) != index)
        {
            return false;
        }

        var before = KoreanText.WithoutSpacesBetweenSyllables(TesseractTsv.LineText(line.TakeWhile(i => i != index).Select(i => words[i]).ToList()))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim('"', '\'', '“', '”', '‘', '’', '|', '.', ',', 'ㆍ', '·', '【', '】', '[', ']'))
            .Where(t => t.Length > 0)
            .SkipWhile(IsLeadingMark)
            .ToList();
        if (before.Count == 0)
        {
            return false;
        }

        var prefix = KcdToken.Split(words[index].Text).Prefix;
        var label = NotDiagnosisLabels.Any(before[0].StartsWith) ? null
            : DiagnosisLabels.FirstOrDefault(before[0].StartsWith) ?? (before[0] == "A:" && KcdToken.IsBracketed(words[index].Text) ? "A:" : null);
        return label is not null && (before[0][label.Length..] + string.Concat(before.Skip(1)) + prefix).Any(Hangul.IsSyllable);
    }

    private static bool IsText(TesseractTsv.Word word) => word.Text.Any(char.IsLetterOrDigit);

    /// <summary>A line's leading mark as the Korean model reads it: one character, no syllable (◎ read @, © or 6: holdout12 golden set).</summary>
    private static bool IsLeadingMark(string word) => word.Length == 1 && !Hangul.IsSyllable(word[0]);

    [GeneratedRegex(@"^[0-9][0-9]{2}(?:\.[0-9]{1,2}|[0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex LetterAsDigit();

    [GeneratedRegex(@"^[(\[]?[주부][)\]]$", RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosisMarker();
}
