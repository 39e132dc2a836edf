using System.Text.RegularExpressions;

namespace VNexsus.Rules.Codes;

/// <summary>The KCD data of <c>kcd.json</c>: valid category ranges and the names of the codes common in records.</summary>
public sealed record KcdData(IReadOnlyList<string> Categories, IReadOnlyDictionary<string, string> Names);

/// <summary>A KCD-shaped token read from text: the normalised code (null when doubtful) and the raw reading.</summary>
public sealed record CodeToken(int Start, int Length, string Raw, string? Code, string? Problem);

/// <summary>
/// KCD normalisation (domain.md §7.4): upper-case, stray <c>)</c> and spaces removed, a comma for the dot read as one, the dot inserted after letter + two
/// digits (<c>E1168</c> → <c>E11.68</c>). A code is only ever one that is printed in the text; this class never maps a
/// name to a code. A code whose category is not in the table stays raw and flagged.
/// </summary>
public sealed partial class KcdTable
{
    private readonly HashSet<string> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<KeyValuePair<string, string>>> _namedByDigits;
    private readonly HashSet<string> _subdivided;

    public KcdTable(KcdData data)
    {
        Data = data;
        _namedByDigits = data.Names
            .GroupBy(named => new string(named.Key.Where(char.IsAsciiDigit).ToArray()), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        _subdivided = data.Names.Keys.Where(code => code.Contains('.', StringComparison.Ordinal)).Select(code => code[..code.IndexOf('.', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        foreach (var range in data.Categories)
        {
            var parts = range.Split('-');
            var from = parts[0];
            var to = parts.Length > 1 ? parts[1] : parts[0];
            for (var letter = from[0]; letter <= to[0]; letter++)
            {
                var low = letter == from[0] ? int.Parse(from[1..], System.Globalization.CultureInfo.InvariantCulture) : 0;
                var high = letter == to[0] ? int.Parse(to[1..], System.Globalization.CultureInfo.InvariantCulture) : 99;
                for (var n = low; n <= high; n++)
                {
                    _categories.Add($"{letter}{n:00}");
                }
            }
        }
    }

    public KcdData Data { get; }

    /// <summary>Whether the table names a subcode of <paramref name="category"/> (<c>I12</c>: I12.9), i.e. knows the category to be subdivided.</summary>
    public bool HasSubcodes(string category) => _subdivided.Contains(category);

    public bool IsKnownCategory(string code) => code.Length >= 3 && _categories.Contains(code[..3]);

    /// <summary>The table's name for a code (exact match only), used when the document prints a code without a name.</summary>
    public string? NameOf(string code) =>
        Data.Names.TryGetValue(code, out var name) ? name : null;

    /// <summary>
    /// The named codes whose digits (without the dot) are <paramref name="digits"/>: what a code printed with its letter
    /// lost may be (<c>10</c>: I10, O10, J10, ...). The OCR asks the name beside the token which one it is.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> NamedWithDigits(string digits) =>
        _namedByDigits.TryGetValue(digits, out var named) ? named : [];

    /// <summary>Normalises one token; null when it is not KCD-shaped.</summary>
    public static string? Normalise(string raw)
    {
        var compact = raw.Replace(" ", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal).Replace(',', '.').ToUpperInvariant();
        var m = Shape().Match(compact);
        if (!m.Success)
        {
            return null;
        }

        var tail = m.Groups["t"].Value;
        return tail.Length == 0 ? m.Groups["c"].Value : $"{m.Groups["c"].Value}.{tail}";
    }

    /// <summary>
    /// Finds KCD-shaped tokens in text. <paramref name="lowerCaseAllowed"/> when the text is a diagnosis line; there a code
    /// whose letter or digits a space splits (<c>K29 7</c>, <c>h8 11</c>, <c>N 300</c>, <c>i 10</c>, <c>j30. 4</c>, <c>M 1 7 9</c>: spaced-out or badly read print) is taken too, but only when
    /// it ends the item and the table names the joined code, and it wins over the category it holds.
    /// </summary>
    public IReadOnlyList<CodeToken> Find(string text, bool lowerCaseAllowed, IReadOnlyList<string> excludedBefore, IReadOnlyList<string> excludedAfter)
    {
        var found = new List<CodeToken>();
        if (lowerCaseAllowed)
        {
            foreach (Match m in SpacedToken().Matches(text))
            {
                if (m.Value.Contains(' ', StringComparison.Ordinal) && Normalise(m.Value) is { } code && NameOf(code) is not null && !Excluded(text, m, excludedBefore, excludedAfter))
                {
                    found.Add(new CodeToken(m.Index, m.Length, m.Value, code, null));
                }
            }
        }

        var spaced = found.Count;
        foreach (Match m in Token().Matches(text))
        {
            if ((!lowerCaseAllowed && char.IsLower(m.Value[0]))
                || Excluded(text, m, excludedBefore, excludedAfter)
                || found.Take(spaced).Any(t => m.Index < t.Start + t.Length && t.Start < m.Index + m.Length))
            {
                continue;
            }

            var raw = m.Value.Trim();
            var code = Normalise(raw);
            if (code is null)
            {
                continue;
            }

            var problem = IsKnownCategory(code) ? null : "codeNotInTable";
            found.Add(new CodeToken(m.Index, m.Length, raw, problem is null ? code : null, problem));
        }

        return spaced == 0 ? found : found.OrderBy(t => t.Start).ToList();
    }

    private static bool Excluded(string text, Match m, IReadOnlyList<string> excludedBefore, IReadOnlyList<string> excludedAfter)
    {
        var before = text[Math.Max(0, m.Index - 6)..m.Index];
        var afterEnd = m.Index + m.Length;
        var after = text[afterEnd..Math.Min(text.Length, afterEnd + 4)].TrimStart();
        return excludedBefore.Any(w => before.Contains(w, StringComparison.OrdinalIgnoreCase))
            || excludedAfter.Any(w => after.StartsWith(w, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^(?<c>[A-Z]\d{2})\.?(?<t>\d{1,2})?$")]
    private static partial Regex Shape();

    // Letter + two digits, then an optional (stray space or ')' and) dot and one or two digits; never inside a longer word or
    // number. No space after the dot: "I10. 5년 전" is a code ending a sentence, not I10.5. A comma straight between the
    // digits is the dot as OCR gives it (G56,0); with a space after it, it separates two things (E11, 10년 전). A list's
    // number may be run into the code (#1E109), and a KCD- prefix stand before it (KCD-E11.6).
    [GeneratedRegex(@"(?:(?<=#[1-9]|KCD-)|(?<![A-Za-z0-9.\-]))[A-Za-z]\d{2}(?:\s?\)?[.,]\d{1,2}|\d{1,2})?(?![A-Za-z0-9]|[.,]\d|-\d|/\d)")]
    private static partial Regex Token();

    // A code with single spaces anywhere among its letter, digits and dot (h8 11, K29 7, N 300, i 10, j30. 4, M 1 7 9:
    // spaced-out or badly read print), standing alone: nothing but a space, a closing mark or the end after it (never
    // E11 10년 전). Only a match with a space in it is one of these (Find).
    [GeneratedRegex(@"(?<![A-Za-z0-9.\-])[A-Za-z](?: ?\d){2}(?: ?\.)?(?: ?\d){0,2}(?=\s|[)\],]|$)")]
    private static partial Regex SpacedToken();
}
