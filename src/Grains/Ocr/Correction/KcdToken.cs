using System.Text.RegularExpressions;
using VNexsus.Rules;

namespace VNexsus.Ocr.Correction;

/// <summary>
/// The shapes of KCD diagnosis codes in OCR output. Debian's <c>kor+eng</c> model keeps the digits of a code but loses
/// its first letter (<c>E78.5→678.5</c>, <c>K21.0→&lt;21.0</c>, <c>J06.9→06.9</c>, <c>R51→851</c>, ocr-notes.md §5.4):
/// such tokens are worth a second look at the image. Nothing here proposes a code: it only says which tokens to look at
/// again and whether what the second look read is a code consistent with the first.
/// </summary>
public static partial class KcdToken
{
    /// <summary>
    /// Most glyphs the Korean model may read for a code's one letter: the widest, M, came out as three
    /// (<c>(04154.5)</c> for <c>(M54.5)</c>, seed 53 light p16); other letters two at most.
    /// </summary>
    private const int MaxLetterGlyphs = 3;

    /// <summary>Words on a line that names diagnoses or codes (Dx, the records' abbreviation); undotted code-like numbers are looked at only there.</summary>
    public static readonly string[] Cues = ["진단", "상병", "코드", "KCD", "kcd", "분류", "병명", "질병", "Dx"];

    /// <summary>A well-formed KCD code as printed: a capital letter, two digits, then optionally a dot and one or two digits, or one or two more digits (undotted).</summary>
    public static bool IsWellFormed(string text) => WellFormed().IsMatch(text);

    /// <summary>
    /// Splits a token into its brackets and its core: <c>(611.9)</c> is "(", "611.9", ")". A leading bracket without a
    /// closing one stays in the core, because it may be the misread letter (<c>]20.9</c> for <c>J20.9</c>), unless three
    /// digits and a dot follow it, one of the digits read for the letter (<c>[125.2</c>). A label the
    /// model ran into the code is a prefix: <c>질병분류기호:110</c> is "질병분류기호:", "110", "". So is the name the model
    /// ran into a bracketed code (<c>두통.(851)</c> is "두통.(", "851", ")"), and a list's number (<c>#1E109</c> is "#1",
    /// "E109", ""), and a full stop after a dotted code is a
    /// suffix (<c>130.9.</c>); after an undotted number it may be the code's lost dot, and stays. A name in brackets the
    /// model ran into the code from behind is a suffix (<c>110(본태성(일차성)</c> is "", "110", "(본태성(일차성)": holdout7 golden set).
    /// </summary>
    public static (string Prefix, string Core, string Suffix) Split(string token)
    {
        if (NameRunInAfter().Match(token) is { Success: true } named)
        {
            var code = Split(named.Groups["code"].Value);
            return code with { Suffix = code.Suffix + named.Groups["name"].Value };
        }

        var end = token.Length;
        while (end > 0 && (Closing.Contains(token[end - 1]) || ",;:_".Contains(token[end - 1]) || (token[end - 1] == '.' && token.LastIndexOf('.', Math.Max(0, end - 2)) > 0)))
        {
            end--;
        }

        var suffix = token[end..];
        var start = 0;
        var label = end > 1 ? token.LastIndexOf(':', end - 2) : -1;
        var bracket = end > 1 ? token.LastIndexOfAny(Opening, end - 2) : -1;
        if (label >= 0)
        {
            start = label + 1;
        }
        else if (end > 2 && IsListNumber(token[..2]))
        {
            // a list's number run into the code after it (Dx. #1E109, #11259 for #1 I259: holdout5 golden set)
            start = 2;
        }
        else if (suffix.Length > 0 && Closing.Contains(suffix[0]) && bracket >= 0)
        {
            start = bracket + 1;
        }
        else if (suffix.Length > 0 && end > 0 && Opening.Contains(token[0]))
        {
            start = 1;
        }
        else if (end > 1 && LeadingMarks.Contains(token[0]))
        {
            // A row's mark run into the code after it (▶E11.9 read *ㄷ11.9: holdout12 golden set); no letter is drawn so.
            start = 1;
        }
        else if (end > 1 && Opening.Contains(token[0]) && token[1..end].Contains('.', StringComparison.Ordinal) && CodeLetterPass.LetterReadAsDigit(token[1..end]))
        {
            // The model set the closing bracket apart ([125.2 ]: holdout6 golden set); three digits before the dot leave no
            // room for the bracket to be the letter, as they would in an undotted code ((298 for K298).
            start = 1;
        }

        return (token[..start], token[start..end], suffix);
    }

    /// <summary>
    /// Whether a token looks like a code whose first letter was damaged: at most two stray characters, or three without a
    /// dot (<see cref="MaxLetterGlyphs"/>; <c>23.11.19</c> is a date), then two digits,
    /// a dot (with at most one stray mark beside it: <c>M54-.5</c>) and one or two digits (anywhere); a dotted code with a
    /// digit read as a look-alike letter (<c>MS4.5</c>, anywhere); a code with a comma for its dot (<c>K29,5</c>,
    /// anywhere); or, on a line with a code cue, two to four digits (undotted codes, or codes whose letter became a digit:
    /// <c>851</c>, <c>6297</c>).
    /// Well-formed codes, dates and plain years are not.
    /// </summary>
    public static bool IsSuspect(string token, bool lineHasCue)
    {
        var core = Split(token).Core;
        if (core.Length is < 2 or > 9)
        {
            return false;
        }

        if (IsWellFormed(core))
        {
            return false;
        }

        if (DamagedDotted().IsMatch(core) || StrayMarkAtDot().IsMatch(core) || DigitsAsLetters().IsMatch(core) || CommaForDot().IsMatch(core))
        {
            return true;
        }

        return lineHasCue && core.Length >= 3 && (DamagedUndotted().IsMatch(core) || WideLetterUndotted(core) || SyllableForLetterAndDigit().IsMatch(core)) && !IsYear(core);
    }

    /// <summary>
    /// M (or W) read as three glyphs in front of an undotted code's digits (seed 83 light p20: <c>\4/179</c> for M179): at
    /// most one of them a digit, so that a range (<c>10-15</c>) or a longer number is none.
    /// </summary>
    private static bool WideLetterUndotted(string core) =>
        ThreeGlyphsUndotted().Match(core) is { Success: true } match && match.Groups["glyphs"].Value.Count(char.IsAsciiDigit) <= 1;

    /// <summary>
    /// Whether the token is an undotted code with digits after its category (<c>M179</c>), whose dot the model may have
    /// lost: worth a look among dotted codes (prescriptions print codes undotted, so only the image can tell).
    /// </summary>
    public static bool MayHaveLostDot(string token) => MaybeLostDot().IsMatch(Split(token).Core);

    /// <summary>A well-formed code with its dot (<c>M54.5</c>): a line that holds one is a line of codes, as a cue word would say.</summary>
    public static bool IsDotted(string text) => IsWellFormed(text) && text.Contains('.', StringComparison.Ordinal);

    /// <summary>
    /// Whether a line names diagnoses or codes, its syllables read as words of their own or not (<c>주 상 병 2039</c>,
    /// golden dev set: <see cref="KoreanText.WithoutSpacesBetweenSyllables"/>).
    /// </summary>
    public static bool HasCue(string lineText)
    {
        var joined = KoreanText.WithoutSpacesBetweenSyllables(lineText);
        return Cues.Any(joined.Contains);
    }

    /// <summary>
    /// Whether the token closes a bracket: <c>(851)</c>, <c>!10)</c>. A code is usually written in brackets after the
    /// diagnosis name, so a bracketed number is worth the look a cue word would give it (the look only ever keeps a code
    /// when the image shows a letter).
    /// </summary>
    public static bool IsBracketed(string token) => token.Length > 1 && Split(token).Suffix is [var close, ..] && Closing.Contains(close);

    /// <summary>
    /// Marks that lead a row's item or part a name from its code, and that no code's letter is read as (| is an I, ! an I,
    /// ] a J): ≡ is read as = (holdout14 golden set), and a slash between name and code is run into the code
    /// (<c>죽상경화성 심장병 /1251</c>: golden dev2 set, heavy scan).
    /// </summary>
    private static readonly char[] LeadingMarks = ['*', '＊', '▶', '►', '▷', '•', '◎', '@', '©', '=', '≡', '/'];

    /// <summary>
    /// Brackets records put around a code: ASCII, and the CJK corner and lenticular ones (<c>【I110】</c>, <c>「E11.5」</c>:
    /// holdout3 golden set); the angle brackets a code may sit in (원발성 고혈압 〈I10〉: holdout12) are read as &lt; and &gt;.
    /// </summary>
    private static readonly char[] Opening = ['(', '[', '【', '「', '『', '〔', '〈', '《', '<'];

    private static readonly char[] Closing = [')', ']', '】', '」', '』', '〕', '〉', '》', '>'];

    /// <summary>
    /// What the token should read given a second reading of its image, or null to keep it. The second reading, once the
    /// letter-for-digit confusions of a Latin model are undone after its first character (O→0, I→1, S→5, B→8 …), must be
    /// a well-formed code whose digits end the first reading's digits. The letter is taken from the second reading, the
    /// digits and the dot from the first (the Korean model rarely gets digits wrong; the Latin model is the one that can
    /// see the letter). At most two characters in front of those digits may be replaced (three, none a dot, for the wide M and W: <see cref="MaxLetterGlyphs"/>), and the result must be
    /// well-formed itself. The dot is the second reading's when the first has none where the code's digits are
    /// (<c>M179</c>, <c>M54-.5</c>: both readings show the same digits, only the Latin one the dot). A first reading
    /// that starts with a letter keeps it: the Latin model's letters are no better than the Korean model's there. Its
    /// digits read as look-alike letters (<see cref="DigitsAsLetters"/>: <c>MS4.5</c>) are the digits they look like.
    /// A letter and the digit after it read as one Hangul syllable (<c>터1.9</c> for <c>E11.9</c>, <see cref="SyllableForLetterAndDigit"/>)
    /// take both from the second reading, whose rest must be the first reading's rest exactly.
    /// </summary>
    public static string? Corrected(string firstToken, string secondReading)
    {
        var (prefix, read, suffix) = Split(firstToken);
        var core = DigitsAsLetters().IsMatch(read) ? WithDigitsAfterFirst(read) : read;
        if (secondReading.Length < 3 || !char.IsAsciiLetterUpper(secondReading[0]))
        {
            return null;
        }

        var second = WithDigitsAfterFirst(secondReading);
        if (!IsWellFormed(second) || (char.IsAsciiLetterUpper(core[0]) && core[0] != second[0]))
        {
            return null;
        }

        if (SyllableForLetterAndDigit().IsMatch(core))
        {
            return IsDotted(second) && char.IsAsciiDigit(second[1]) && second[2..] == core[1..] ? prefix + second + suffix : null;
        }

        var digits = new string(second[1..].Where(char.IsAsciiDigit).ToArray());
        var tailStart = core.Length;
        var matched = 0;
        while (tailStart > 0 && matched < digits.Length)
        {
            tailStart--;
            if (char.IsAsciiDigit(core[tailStart]))
            {
                if (core[tailStart] != digits[digits.Length - 1 - matched])
                {
                    return null;
                }

                matched++;
            }
        }

        var wideLetter = second[0] is 'M' or 'W' && !core[..tailStart].Contains('.', StringComparison.Ordinal);
        if (matched < digits.Length || tailStart > (wideLetter ? MaxLetterGlyphs : MaxLetterGlyphs - 1))
        {
            return null;
        }

        var corrected = second[0] + core[tailStart..];
        if (IsDotted(second) && !IsDotted(corrected))
        {
            corrected = second;
        }

        return corrected == read || !IsWellFormed(corrected) ? null : prefix + corrected + suffix;
    }

    /// <summary>
    /// A code after a label that names codes (<c>질병분류기호:110</c>, <c>상병명: |119</c>, or <c>:110</c> after the words <c>질병분류기호</c>:
    /// <paramref name="textBefore"/> is the line's text before the token) whose first glyph both models took for 1 (or l,
    /// |): see <see cref="WithLetterI"/>. A dotted one needs no colon after a label that is a word of its own
    /// (<c>주상병 163.9</c> for I63.9, golden dev set: a dotted number straight after a diagnosis word is no count). Null
    /// otherwise.
    /// </summary>
    public static string? AfterCodeLabel(string token, string secondReading, string textBefore = "") =>
        IsLabelled(token, textBefore) ? WithDigitsForLetters(token, secondReading) ?? WithLetterI(token, secondReading, codePosition: true) : null;

    /// <summary>
    /// Whether the token stands straight after a label that names codes (<c>상병명: I119</c>, <c>질병분류기호:110</c>, a code
    /// label without a colon: <c>질병분류기호 112.9</c>, holdout2 golden set; <c>Dx.</c>, a list's number between them:
    /// holdout5 golden set; a bracketed code after a note's assessment label, <c>A) [1110]</c>: holdout3), or is
    /// a dotted number straight after a diagnosis word (<see cref="AfterDiagnosisWord"/>).
    /// </summary>
    public static bool IsLabelled(string token, string textBefore)
    {
        var (prefix, core, _) = Split(token);
        var words = (textBefore + (IsListNumber(prefix) ? "" : prefix)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // A list's number between the label and the code (Dx. #1 8181) is no label.
        var label = words.LastOrDefault(word => !IsListNumber(word)) ?? "";
        return (label.EndsWith(':') && HasCue(label)) || CodeLetterPass.EndsWithCodeLabel(label) || label.TrimEnd('.', ':') == "Dx"
            || (IsBracketed(token) && textBefore.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [.., "A)" or "A:"])
            || (prefix.Length == 0 && core.Contains('.', StringComparison.Ordinal) && AfterDiagnosisWord(textBefore));
    }

    /// <summary>A list's number in front of a diagnosis (<c>#1</c>, <c>#2</c>).</summary>
    public static bool IsListNumber(string text) => text is ['#', >= '1' and <= '9'];

    /// <summary>
    /// Whether the token is an undotted code with digits read as the letters they look like (<c>JOO</c> for J00: holdout
    /// golden set). Only straight after a code label is it looked at (<see cref="IsLabelled"/>): elsewhere such a word may
    /// be one (<c>CO2</c>).
    /// </summary>
    public static bool HasLettersForDigits(string token) =>
        Split(token).Core is var core && UndottedLettersForDigits().IsMatch(core) && !IsWellFormed(core);

    /// <summary>
    /// A code with digits read as letters (<see cref="HasLettersForDigits"/>) when the second reading, its letters taken
    /// for the digits they look like after its first character, reads the same code: <c>JOO</c> and Latin <c>J00</c> or
    /// <c>JOO</c> is J00. Null otherwise.
    /// </summary>
    private static string? WithDigitsForLetters(string token, string secondReading)
    {
        if (!HasLettersForDigits(token) || secondReading.Length < 3)
        {
            return null;
        }

        var (prefix, core, suffix) = Split(token);
        var code = WithDigitsAfterFirst(core);
        return IsWellFormed(code) && WithDigitsAfterFirst(secondReading) == code ? prefix + code + suffix : null;
    }

    /// <summary>
    /// Whether the line's text before a token ends with a word that labels a diagnosis (<c>주상병</c>, <c>진단명</c>: a cue
    /// word ending it, or a cue and 명; its syllables may have been read as words of their own, <c>주 상 병</c>): a number
    /// there is a code. Not a name after a cue (<c>진단 당뇨병 2019</c>), whose syllables may run into the cue's.
    /// </summary>
    public static bool AfterDiagnosisWord(string textBefore)
    {
        var word = KoreanText.WithoutSpacesBetweenSyllables(textBefore).TrimEnd().Split(' ')[^1];
        return word.All(Hangul.IsSyllable) && Cues.Any(cue => word.EndsWith(cue, StringComparison.Ordinal) || word.EndsWith(cue + "명", StringComparison.Ordinal));
    }

    /// <summary>
    /// The token with its first glyph read as the letter I, or null. I is the letter that looks like 1, l, | and !, and no
    /// code starts with a digit: in a code position (after a code label, in a code column) a first glyph read as any of
    /// them is I. Elsewhere only in brackets, and only when the Korean model, which reads digits well, saw no 1 but more
    /// bars or marks in front of the digits than a bracket it did not see accounts for: <c>(|10)</c> (the bracket seen,
    /// a bar after it), <c>!!251]</c> and <c>[|!251]</c> for <c>[I251]</c> (golden dev2 set); not <c>|10)</c> or
    /// <c>!251]</c>, whose one mark may be the opening bracket. Either way the second reading must show the same digits,
    /// and a bar in front of them: the Korean model, which has no Latin letters, reads J and L as 1 too, so its 1 alone
    /// does not say I. The Latin model, which has them, must have seen a bar (<c>120.9</c>, Latin <c>320.9</c>, is the J
    /// of <c>J20.9</c>; a Latin reading that lost the glyph leaves it to the letters-only look of <see cref="CodeLetterPass"/>).
    /// </summary>
    public static string? WithLetterI(string token, string secondReading, bool codePosition)
    {
        var (prefix, core, suffix) = Split(token);
        var reading = secondReading.TrimEnd('.');

        // In a code position the Korean model may have lost the I altogether (상병명: 119 for I119, Latin 1119: holdout
        // golden set): the Latin reading is then one bar and exactly the first reading's digits.
        if (codePosition && core.Length >= 2 && core.All(char.IsAsciiDigit) && reading.Length == core.Length + 1 && IsBar(reading[0])
            && reading.EndsWith(core, StringComparison.Ordinal) && IsWellFormed("I" + core))
        {
            return prefix + "I" + core + suffix;
        }

        var letterAt = codePosition && core.Length > 0 && core[0] is '1' or 'l' or '|' or '!' ? (prefix, 1) : MarksBeforeDigits(prefix, core, suffix);
        if (letterAt is not { } found)
        {
            return null;
        }

        var (kept, start) = found;
        var rest = core[start..];
        var latinBar = rest.Length >= 2 && reading.Length > rest.Length && reading.EndsWith(rest, StringComparison.Ordinal) && IsBar(reading[^(rest.Length + 1)]);
        return latinBar && IsWellFormed("I" + rest) ? kept + "I" + rest + suffix : null;
    }

    /// <summary>
    /// The bars and marks before a bracketed code's digits (in its prefix and core: <c>[|[251]</c> splits as <c>[|[</c>
    /// and <c>251</c>) when, one of them taken for the opening bracket (seen or not), one or two are left for the I: the
    /// prefix to keep (up to the bracket, and the bracket when one was seen) and where the digits start in the core;
    /// null otherwise.
    /// </summary>
    private static (string Kept, int DigitsStart)? MarksBeforeDigits(string prefix, string core, string suffix)
    {
        var inPrefix = prefix.Reverse().TakeWhile(IsMark).Count();
        var inCore = core.TakeWhile(IsMark).Count();
        var run = prefix[^inPrefix..] + core[..inCore];
        var bracketed = suffix is [')' or ']', ..] || run.Contains('(') || run.Contains('[');
        if (!bracketed || run.Length - 1 is < 1 or >= MaxLetterGlyphs || inCore >= core.Length || !char.IsAsciiDigit(core[inCore]))
        {
            return null;
        }

        return (prefix[..^inPrefix] + (run[0] is '(' or '[' ? run[0].ToString() : ""), inCore);

        static bool IsMark(char c) => c is 'l' or '|' or '!' or 'I' or '[' or '(';
    }

    /// <summary>A glyph drawn as one upright stroke: the letter I, the digit 1, l or |.</summary>
    public static bool IsBar(char c) => c is '1' or 'I' or 'l' or '|';

    /// <summary>
    /// The width of a character in digit widths, to place a glyph inside a word box (there are no glyph boxes): a dot or
    /// bracket is about half a digit, a Hangul syllable 1.7.
    /// </summary>
    public static double GlyphUnits(char c) => c switch
    {
        '.' or ',' or ':' or ';' or '(' or ')' or '[' or ']' or '|' or '\'' => 0.5,
        _ when Hangul.IsSyllable(c) => 1.7,
        _ => 1,
    };

    /// <summary>A reading with every character after its first (a code's letter) taken for the digit it looks like (<see cref="DigitFor"/>).</summary>
    private static string WithDigitsAfterFirst(string reading) => reading[0] + new string(reading[1..].Select(DigitFor).ToArray());

    /// <summary>A Latin model restricted to capitals and digits reads some digits as look-alike letters.</summary>
    public static char DigitFor(char c) => c switch
    {
        'O' or 'Q' or 'D' => '0',
        'I' or 'L' or 'l' => '1',
        'Z' => '2',
        'T' => '7',
        'S' => '5',
        'G' => '6',
        'B' => '8',
        'A' => '4',
        _ => c,
    };

    /// <summary>A year (<c>1999</c>, <c>2024</c>): four digits that no damaged code may be taken for.</summary>
    public static bool IsYear(string core) => Year().IsMatch(core);

    /// <summary>A dotted code whose letter was lost: only its digits are left (<c>20.9</c>).</summary>
    public static bool IsLetterLost(string core) => LetterLost().IsMatch(core);

    [GeneratedRegex(@"^[A-Z][0-9]{2}(?:\.[0-9]{1,2}|[0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();

    [GeneratedRegex(@"^[0-9]{2}\.[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LetterLost();

    [GeneratedRegex(@"^(?:[^\s\uAC00-\uD7A3]{0,2}?|[^\s\uAC00-\uD7A3.]{3})[0-9]{2}\.[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DamagedDotted();

    [GeneratedRegex(@"^[^\s\uAC00-\uD7A3.]{0,2}?[0-9]{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex DamagedUndotted();

    /// <summary>Three stray glyphs, then two to four digits: the widest letter read as three glyphs in an undotted code (<see cref="WideLetterUndotted"/>).</summary>
    [GeneratedRegex(@"^(?<glyphs>[^\s\uAC00-\uD7A3.]{3})[0-9]{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex ThreeGlyphsUndotted();

    [GeneratedRegex(@"^[A-Z][0-9]{3,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex MaybeLostDot();

    [GeneratedRegex(@"^[A-Z][0-9OQDIlZTSGBA]{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex UndottedLettersForDigits();

    /// <summary>
    /// A dotted code whose letter and first digit the Korean model read as one syllable that looks like them (<c>터1.9</c>
    /// for <c>E11.9</c>: ㅌ is the E, ㅓ the 1; four times on light scans read at 200 dpi): a code position only.
    /// </summary>
    [GeneratedRegex(@"^[\uAC00-\uD7A3][0-9]\.[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex SyllableForLetterAndDigit();

    /// <summary>
    /// A dotted code whose letter was read but a digit after it perhaps taken for a look-alike letter (<c>(MS4.5)</c> for
    /// <c>(M54.5)</c>, seed 67 heavy p07): no KCD code has a letter after its first character. Dotted only: <c>CO2</c>
    /// is carbon dioxide, not C02. A well-formed code matches too, and stays as it is.
    /// </summary>
    [GeneratedRegex(@"^[A-Z][0-9OSIlBZA]{2}\.[0-9OSIlBZA]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsAsLetters();

    [GeneratedRegex(@"^[^\s\uAC00-\uD7A3]{0,2}?[0-9]{2}(?:[-,'`]\.|\.[-,'`])[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex StrayMarkAtDot();

    /// <summary>
    /// A token without Hangul up to a digit, then an opening bracket, a dash or the underscore the model reads in a
    /// narrow gap and a Hangul syllable, or a slash and a Latin abbreviation: a code with its name run in after it
    /// (<c>110(본태성</c>, <c>E11.9-합병증</c>: holdout12 golden set; <c>(26.7_십이지장궤양</c>, <c>110/HTN</c>: holdout13).
    /// </summary>
    [GeneratedRegex(@"^(?<code>[^\s\uAC00-\uD7A3]*?[0-9])(?<name>[(\[_-][\uAC00-\uD7A3].*|/[A-Za-z]{2,}.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NameRunInAfter();

    [GeneratedRegex(@"^(?:19|20)[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    /// <summary>A code with its letter read and a comma for its dot (<c>K29,5</c>, golden dev set read at 200 dpi).</summary>
    [GeneratedRegex(@"^[A-Z][0-9]{2},[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommaForDot();
}
