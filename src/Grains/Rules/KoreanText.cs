using System.Text.RegularExpressions;

namespace VNexsus.Rules;

/// <summary>Korean text as OCR gives it, for the rules and the OCR correction stage alike.</summary>
public static partial class KoreanText
{
    /// <summary>
    /// The text with no space between two Hangul syllables: the Korean model gives a word's syllables as words of their
    /// own (<c>진 단 명</c>, <c>주 상 병</c>), and records space a label's words apart (<c>입원 일자</c>), so a label is
    /// looked for in the text without them.
    /// </summary>
    public static string WithoutSpacesBetweenSyllables(string text) => SpaceBetweenSyllables().Replace(text, "");

    /// <summary>The weekday records print in brackets after a date (<c>2021/05/15(토)</c>), as a regular expression.</summary>
    public const string WeekdayInBrackets = "[(（][월화수목금토일][)）]";

    /// <summary>A Hangul syllable (가–힣), not a lone jamo.</summary>
    public static bool IsSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';

    [GeneratedRegex(@"(?<=[\uAC00-\uD7A3]) +(?=[\uAC00-\uD7A3])", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceBetweenSyllables();
}
