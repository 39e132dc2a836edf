using System.Text;
using System.Text.RegularExpressions;

namespace VNexsus.OcrBench;

/// <summary>The accuracy measures of ocr-notes.md §2: CER after NFC and whitespace collapsing, and verbatim finds.</summary>
public static partial class Metrics
{
    public static string Normalize(string text) => Whitespace().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim();

    public static int Distance(string a, string b)
    {
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// How many of the expected strings occur verbatim in the text, each occurrence used once, boundary-aware: the
    /// characters around a find must not continue it (no digit or Latin letter next to a code or a date).
    /// </summary>
    public static int FoundVerbatim(string text, IEnumerable<string> expected)
    {
        var found = 0;
        foreach (var group in expected.GroupBy(e => e))
        {
            var occurrences = 0;
            var at = 0;
            while ((at = text.IndexOf(group.Key, at, StringComparison.Ordinal)) >= 0)
            {
                var before = at == 0 ? ' ' : text[at - 1];
                var after = at + group.Key.Length >= text.Length ? ' ' : text[at + group.Key.Length];
                if (!char.IsAsciiLetterOrDigit(before) && !char.IsAsciiLetterOrDigit(after))
                {
                    occurrences++;
                }

                at += group.Key.Length;
            }

            found += Math.Min(occurrences, group.Count());
        }

        return found;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
