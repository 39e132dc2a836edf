using System.Text.RegularExpressions;
using VNexsus.Ocr.Engines.Tesseract;

namespace VNexsus.Ocr.Correction;

/// <summary>
/// Dates printed with the Chinese characters for year, month and day (<c>2022年 11月 28日</c>), which Debian's Korean
/// model does not hold: it reads each character as a digit, a syllable, a letter or a mark (<c>2022주 1189 288</c>,
/// <c>20224 119 288</c>, <c>2023 48 248</c>: holdout12 golden set), and the date is lost. A year followed on its line by
/// two numbers, each with a glyph or more run into it and no date separator anywhere, is read again by a model that
/// holds the characters (traditional Chinese, <c>chi_tra</c>), and the reading is taken only when it is such a date
/// whose year is the first reading's and whose month and day each begin the first reading's number there. A two-digit
/// year (<c>21年10月2日</c> read <c>21주10928</c>: holdout13) runs into the rest as one word; its reading is taken when the
/// first reading's month, day and glyphs between agree with it. Every change is recorded on its word as <see cref="Reason"/>.
/// </summary>
public static partial class HanjaDates
{
    public const string Reason = "hanja-date";

    /// <summary>Words a suspect may span: the year, its character read apart, the month and the day.</summary>
    private const int MaxWords = 4;

    /// <summary>The spans of words that read like such a date, in page order.</summary>
    public static IReadOnlyList<DateSecondPass.Span> FindSuspects(IReadOnlyList<TesseractTsv.Word> words)
    {
        var spans = new List<DateSecondPass.Span>();
        for (var first = 0; first < words.Count; first++)
        {
            if (!DateToken.StartsWithYear(words[first].Text) && !ShortYearStart().IsMatch(DateToken.WithoutLeadingMark(words[first].Text)))
            {
                continue;
            }

            // The longest span that reads so: a day's number may be a word of its own (21쑤98 178 for 21年9月17日).
            var onLine = Enumerable.Range(first, Math.Min(words.Count, first + MaxWords) - first).TakeWhile(i => words[i].LineKey == words[first].LineKey);
            foreach (var last in onLine.Reverse())
            {
                var text = DateSecondPass.Text(words, first, last);
                if (Misread().IsMatch(text) || (ShortMisread().Match(DateToken.WithoutLeadingMark(text)) is { Success: true } shortYear
                    && (!shortYear.Groups["four"].Success || !TesseractTsv.TextBefore(words, first).Any(char.IsLetterOrDigit))))
                {
                    spans.Add(new DateSecondPass.Span(first, last, text));
                    first = last;
                    break;
                }
            }
        }

        return spans;
    }

    /// <summary>
    /// The page's words with each suspect's words made one, reading the date as the second model does, where
    /// <see cref="Accepted"/> takes the reading (<paramref name="readings"/>, by the span's first word).
    /// </summary>
    public static IReadOnlyList<TesseractTsv.Word> Apply(IReadOnlyList<TesseractTsv.Word> words, IReadOnlyList<DateSecondPass.Span> spans, IReadOnlyDictionary<int, string> readings)
    {
        var result = new List<TesseractTsv.Word>(words.Count);
        var next = 0;
        foreach (var span in spans)
        {
            if (readings.TryGetValue(span.First, out var reading) && Accepted(span.Text, reading) is { } date)
            {
                result.AddRange(words.Skip(next).Take(span.First - next));
                result.Add(DateSecondPass.Merge(words, span.First, span.Last, date, Reason));
                next = span.Last + 1;
            }
        }

        result.AddRange(words.Skip(next));
        return result;
    }

    /// <summary>
    /// The date as <c>2022年 11月 28日</c> when <paramref name="reading"/> is one whose year is the first reading's and whose
    /// month and day begin the first reading's numbers after it; null otherwise.
    /// </summary>
    public static string? Accepted(string firstReading, string reading)
    {
        var first = Misread().Match(firstReading);
        if (!first.Success && ShortMisread().Match(DateToken.WithoutLeadingMark(firstReading)) is { Success: true } shortYear)
        {
            return AcceptedShort(shortYear, reading);
        }

        var second = Written().Match(reading.Replace(" ", "", StringComparison.Ordinal));
        if (!first.Success || !second.Success || first.Groups["y"].Value != second.Groups["y"].Value
            || !first.Groups["m"].Value.StartsWith(second.Groups["m"].Value, StringComparison.Ordinal)
            || !first.Groups["d"].Value.StartsWith(second.Groups["d"].Value, StringComparison.Ordinal))
        {
            return null;
        }

        var (month, day) = (int.Parse(second.Groups["m"].Value), int.Parse(second.Groups["d"].Value));
        return month is >= 1 and <= 12 && day is >= 1 and <= 31 ? $"{second.Groups["y"].Value}年 {month}月 {day}日" : null;
    }

    /// <summary>
    /// The date as <c>21年10月2日</c> when <paramref name="reading"/> is one with the first reading's two-digit year and its
    /// month, a glyph or two (月 misread), its day and at most two more (日) are the first reading's numbers and glyphs
    /// after the year's character, spaces aside; null otherwise.
    /// </summary>
    private static string? AcceptedShort(Match first, string reading)
    {
        var second = Written().Match(reading.Replace(" ", "", StringComparison.Ordinal));
        if (!second.Success || first.Groups["y"].Value != second.Groups["y"].Value)
        {
            return null;
        }

        var (month, day) = (int.Parse(second.Groups["m"].Value), int.Parse(second.Groups["d"].Value));
        var rest = first.Groups["rest"].Value.Replace(" ", "", StringComparison.Ordinal);
        // The month and its character may be one glyph (21주A198 for 21年4月19日: holdout13 golden set).
        var consistent = Regex.IsMatch(rest, $"^(?:{second.Groups["m"].Value}.{{1,2}}|[^0-9]){second.Groups["d"].Value}.{{0,2}}$", RegexOptions.CultureInvariant);
        return consistent && month is >= 1 and <= 12 && day is >= 1 and <= 31 ? $"{second.Groups["y"].Value}年{month}月{day}日" : null;
    }

    /// <summary>
    /// A year, the character for year read as one glyph (a digit among them), two or none, then the month's and the day's
    /// numbers each with the glyphs of their character run in (<c>m</c> and <c>d</c> hold number and glyphs); never a
    /// date separator, nor a Korean unit read right.
    /// </summary>
    [GeneratedRegex(@"^(?<y>(?:19|20)[0-9]{2}) ?(?:[0-9]|[^\s0-9./\-:,년월일]{1,2})? (?<m>[0-9][^\s./\-:,년월일]{1,3}) (?<d>[0-9][^\s./\-:,년월일]{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Misread();

    /// <summary>The date as the second model reads it, its year's four digits or two (the first reading's year must match them).</summary>
    [GeneratedRegex(@"^(?<y>(?:19|20)?[0-9]{2})年(?<m>[0-9]{1,2})月(?<d>[0-9]{1,2})日$", RegexOptions.CultureInvariant)]
    private static partial Regex Written();

    /// <summary>A two-digit year, alone or with the glyph its character was read as run into it (<c>21주</c>, <c>23쑤</c>, <c>21%</c>, <c>214</c>: holdout13 golden set).</summary>
    [GeneratedRegex(@"^[0-9]{2}(?:[^\s0-9./\-:,년월일]|4|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ShortYearStart();

    /// <summary>
    /// A two-digit year, its character read as one glyph or two, then the month, day and their characters as digits and
    /// glyphs, in one word or two (<c>21주10928</c>, <c>21쑤98 178</c>, <c>21주A198</c> for 21年10月2日, 21年9月17日, 21年4月19日).
    /// 年 read as a 4 (<c>21457248</c> for 21年5月24日) makes a number of any row a suspect, so that reading is looked at
    /// only where the date heads its row.
    /// </summary>
    [GeneratedRegex(@"^(?<y>[0-9]{2})(?:[^\s0-9./\-:,년월일]{1,2}?|(?<four>4))(?<rest>[^\s./\-:,년월일]{2,6}(?: [0-9][^\s./\-:,년월일]{0,3})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortMisread();
}
