using VNexsus.Ocr.Engines.Tesseract;

namespace VNexsus.Ocr.Correction;

/// <summary>
/// The second look at damaged dates. A span starts at a word that begins with a year and takes the close, short words of digits,
/// separators and unit syllables after it on its line, in up to <see cref="MaxFollowingWords"/> more space-separated groups; a span with at least six digits
/// that holds no well-formed date is re-read from the image, stacked with the page's other such spans into one
/// <see cref="RegionStrip"/>, by the Korean model alone (<c>-l kor</c>): on its own line, away from the Latin words that
/// made the first pass switch models, it reads 년, 월 and 일 as themselves. A re-reading replaces the span only when
/// <see cref="DateToken.Corrected"/> finds it consistent with every digit of the first; a span that is still no date
/// then gets a lost separator restored (<see cref="DateToken.Repaired"/>). A span (or short date) the re-reading left
/// unresolved is first read once more at half the size (<see cref="Unresolved"/>), under the same rules. Each change is
/// recorded on its word.
/// </summary>
public static class DateSecondPass
{
    public const string Reason = "date-second-pass";

    public const string SeparatorReason = "date-separator";

    public const string AgreementReason = "date-rereads-agree";

    public const string ShortSeparatorsReason = "date-short-separators";

    public const int MaxFollowingWords = 2;

    private const int MinimumDigits = 6;

    /// <summary>The longest word that continues a date: a month and day run together with their dots (<c>6..15.</c>).</summary>
    private const int MaxPartLength = 6;

    /// <summary>Words of a date are at most this many line heights apart.</summary>
    private const double MaxGapShareOfHeight = 1.5;

    /// <summary>
    /// A date read as one well-formed word below this confidence is re-read too: a digit of the year misread on a full page
    /// (<c>2027.02.20</c>, <c>2023.01.01</c>, confidence 75 and 88 on heavy scans) is read right from its own crop.
    /// </summary>
    public const double DoubtfulConfidence = 90;

    /// <summary>
    /// A damaged date, or a doubtful well-formed one (a single word): the words <see cref="First"/>..<see cref="Last"/>
    /// and what they read together.
    /// </summary>
    public sealed record Span(int First, int Last, string Text)
    {
        /// <summary>Whether this is a doubtful well-formed date, not a damaged one.</summary>
        public bool IsDoubtful => DateToken.IsWellFormed(Text);
    }

    /// <summary>
    /// Short dates whose dots the model lost (<see cref="DateToken.MayBeShortDate"/>), where a date stands: first on its
    /// line (the date column of a table: once the table's rules are erased, the model drops the dots of <c>21.7.8</c> there
    /// although the image keeps them) or after a date cue (<c>발병일: 2411.9</c>). One-word spans, in page order.
    /// </summary>
    public static IReadOnlyList<Span> FindShortSuspects(IReadOnlyList<TesseractTsv.Word> words) =>
        Enumerable.Range(0, words.Count)
            .Where(i => DateToken.MayBeShortDate(words[i].Text) && StandsWhereDateStands(words, i))
            .Select(i => new Span(i, i, words[i].Text))
            .ToList();

    /// <summary>
    /// The page's words with each short date whose dots were read as colons (<see cref="DateToken.ShortColonsRestored"/>)
    /// restored where a date stands (first on its line or after a date cue: <c>진료일: 22:5:18</c>, <c>퇴원일:22:1.18</c>);
    /// the change is recorded.
    /// </summary>
    public static IReadOnlyList<TesseractTsv.Word> RestoreShortColons(IReadOnlyList<TesseractTsv.Word> words) =>
        words.Select((word, i) => StandsWhereDateStands(words, i) && DateToken.ShortColonsRestored(word.Text) is { } restored
            ? Merge(words, i, i, restored, SeparatorReason)
            : word).ToList();

    /// <summary>
    /// The page's words with each date read as one word with the code after it split in two words
    /// (<see cref="DateToken.CodeSeparated"/>: <c>2023.12.24E11.4</c>), their boxes shared by the widths of their glyphs, so
    /// the code is read as a code and a code whose letter was read as a digit gets the code passes' look; the date's word
    /// records the change.
    /// </summary>
    public static IReadOnlyList<TesseractTsv.Word> SeparateGluedCodes(IReadOnlyList<TesseractTsv.Word> words) =>
        words.SelectMany(word => DateToken.CodeSeparated(word.Text) is { } separated ? Split(word, separated) : [word]).ToList();

    private static TesseractTsv.Word[] Split(TesseractTsv.Word word, string separated)
    {
        var space = separated.IndexOf(' ', StringComparison.Ordinal);
        var (date, code) = (separated[..space], separated[(space + 1)..]);
        var dateWidth = (int)(word.Width * date.Sum(KcdToken.GlyphUnits) / word.Text.Sum(KcdToken.GlyphUnits));
        return
        [
            word with { Width = dateWidth, Text = date, Correction = new TextCorrection(word.Text, separated, SeparatorReason, word.Box) },
            word with { Left = word.Left + dateWidth, Width = word.Width - dateWidth, Text = code, SpaceBefore = true },
        ];
    }

    /// <summary>
    /// The page's words with each short date read as two close words of a line (<see cref="DateToken.ShortDateJoined"/>:
    /// <c>21 .10.11</c>) made one; the change is recorded.
    /// </summary>
    public static IReadOnlyList<TesseractTsv.Word> JoinSplitShortDates(IReadOnlyList<TesseractTsv.Word> words)
    {
        var result = new List<TesseractTsv.Word>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var joined = i + 1 < words.Count && words[i + 1].LineKey == words[i].LineKey && words[i + 1].Left - words[i].Right <= words[i].Height
                ? DateToken.ShortDateJoined(words[i].Text, words[i + 1].Text)
                : null;
            result.Add(joined is null ? words[i] : Merge(words, i, i + 1, joined, SeparatorReason));
            i += joined is null ? 0 : 1;
        }

        return result;
    }

    /// <summary>
    /// The page's words with each unit date spaced after one of its units and not the other spaced after both
    /// (<see cref="DateToken.UnitSpacingRestored"/>: <c>2024년5월 7일</c>); the change is recorded. No re-reading is needed:
    /// no digit changes.
    /// </summary>
    public static IReadOnlyList<TesseractTsv.Word> RestoreUnitSpacing(IReadOnlyList<TesseractTsv.Word> words)
    {
        var result = new List<TesseractTsv.Word>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var last = i;
            var groups = 0;
            while (DateToken.StartsWithYear(words[i].Text) && last + 1 < words.Count && IsDatePart(words[last], words[last + 1], ref groups))
            {
                last++;
            }

            var restored = Enumerable.Range(i, last - i + 1).Reverse()
                .Select(k => (Last: k, Text: DateToken.UnitSpacingRestored(Text(words, i, k))))
                .FirstOrDefault(r => r.Text is not null);
            result.Add(restored.Text is null ? words[i] : Merge(words, i, restored.Last, restored.Text, SeparatorReason));
            i = restored.Text is null ? i : restored.Last;
        }

        return result;
    }

    /// <summary>First on its line, or after a date cue, whose colon the model may report as a word of its own (<c>일 : 2411.9</c>).</summary>
    private static bool StandsWhereDateStands(IReadOnlyList<TesseractTsv.Word> words, int i) =>
        i == 0 || words[i - 1].LineKey != words[i].LineKey || DateToken.IsDateCue(words[i - 1].Text)
        || (words[i - 1].Text == ":" && i >= 2 && words[i - 2].LineKey == words[i].LineKey && DateToken.IsDateCue(words[i - 2].Text));

    /// <summary>
    /// The page's words with each short-date suspect replaced by its re-reading (<paramref name="readings"/>, by word
    /// index) where that only adds the lost dots back (<see cref="DateToken.ShortSeparatorsRestored"/>).
    /// </summary>
    public static IReadOnlyList<TesseractTsv.Word> ApplyShort(IReadOnlyList<TesseractTsv.Word> words, IReadOnlyList<Span> spans, IReadOnlyDictionary<int, string> readings)
    {
        var result = words.ToList();
        foreach (var span in spans)
        {
            if (readings.TryGetValue(span.First, out var reading) && DateToken.ShortSeparatorsRestored(span.Text, reading) is { } restored)
            {
                result[span.First] = Merge(words, span.First, span.Last, restored, ShortSeparatorsReason);
            }
        }

        return result;
    }

    /// <summary>The spans worth a second look, in page order.</summary>
    public static IReadOnlyList<Span> FindSuspects(IReadOnlyList<TesseractTsv.Word> words)
    {
        var spans = new List<Span>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!DateToken.StartsWithYear(words[i].Text))
            {
                continue;
            }

            var last = i;
            var groups = 0;
            while (last + 1 < words.Count && IsDatePart(words[last], words[last + 1], ref groups))
            {
                last++;
            }

            var prefixes = Enumerable.Range(i, last - i + 1).Select(k => DateToken.WithoutLeadingMark(Text(words, i, k))).ToList();
            var text = prefixes[^1];
            var garbled = Enumerable.Range(i + 1, last - i).Any(k => IsGarbledPart(words[k - 1], words[k]));
            if (text.Count(c => char.IsAsciiDigit(c) || DateToken.IsOneStroke(c)) >= MinimumDigits - (garbled ? 1 : 0) && !prefixes.Any(p => DateToken.IsWellFormed(DateToken.BeforeBracket(p))))
            {
                spans.Add(new Span(i, last, text));
                i = last;
            }
            else if (DateToken.IsWellFormed(words[i].Text) && words[i].Confidence < DoubtfulConfidence)
            {
                spans.Add(new Span(i, i, words[i].Text));
            }
        }

        return spans;
    }

    /// <summary>
    /// The short-date suspects whose re-reading (<paramref name="readings"/>) gave no dots back
    /// (<see cref="DateToken.ShortSeparatorsRestored"/>): worth a view of their crop at another size.
    /// </summary>
    public static IReadOnlyList<Span> UnresolvedShort(IReadOnlyList<Span> spans, IReadOnlyDictionary<int, string> readings) =>
        spans.Where(span => !(readings.TryGetValue(span.First, out var reading) && DateToken.ShortSeparatorsRestored(span.Text, reading) is not null)).ToList();

    /// <summary>
    /// The damaged spans whose re-reading (<paramref name="readings"/>) is no consistent date (<see cref="DateToken.Corrected"/>)
    /// and that show a separator or unit, not only digits: a bare run of digits is as likely a number as a date, and the
    /// view of its crop at another size would cost a recognition on most pages.
    /// </summary>
    public static IReadOnlyList<Span> Unresolved(IReadOnlyList<Span> spans, IReadOnlyDictionary<int, string> readings) =>
        spans.Where(span => !span.IsDoubtful && !span.Text.All(char.IsAsciiDigit)
            && !(readings.TryGetValue(span.First, out var reading) && DateToken.Corrected(span.Text, reading) is not null)).ToList();

    /// <summary>The image regions of the spans: their words' box with a margin, never into the next word of the line.</summary>
    public static IReadOnlyList<RegionStrip.Region> Regions(IReadOnlyList<TesseractTsv.Word> words, IReadOnlyList<Span> spans) =>
        spans.Select(span =>
        {
            var parts = words.Skip(span.First).Take(span.Last - span.First + 1).ToList();
            var height = parts.Max(w => w.Height);
            var pad = Math.Max(3, height / 5);
            var left = parts.Min(w => w.Left) - pad;
            var top = parts.Min(w => w.Top) - pad;
            var right = parts.Max(w => w.Right) + pad;
            if (span.Last + 1 < words.Count && words[span.Last + 1].LineKey == words[span.Last].LineKey)
            {
                right = Math.Min(right, words[span.Last + 1].Left - 1);
            }

            return new RegionStrip.Region(span.First, span.Last, left, top, right - left, parts.Max(w => w.Bottom) + pad - top, height);
        }).ToList();

    /// <summary>What the re-reading of each slot of <paramref name="strip"/> says, by the first word of its span.</summary>
    public static IReadOnlyDictionary<int, string> Readings(RegionStrip? strip, IReadOnlyList<TesseractTsv.Word> stripWords) =>
        (strip?.Slots ?? [])
            .Select(s => (s.Region.First, Words: RegionStrip.WordsIn(s, stripWords)))
            .Where(r => r.Words.Count > 0)
            .ToDictionary(r => r.First, r => TesseractTsv.LineText(r.Words));

    /// <summary>
    /// The doubtful well-formed dates whose re-reading (<paramref name="readings"/>) disputes a digit
    /// (<see cref="DateToken.Disputed"/>): they need a third reading before anything changes.
    /// </summary>
    public static IReadOnlyList<Span> Disputed(IReadOnlyList<Span> spans, IReadOnlyDictionary<int, string> readings) =>
        spans.Where(span => readings.TryGetValue(span.First, out var reading) && DateToken.Disputed(span.Text, reading) is not null).ToList();

    /// <summary>
    /// The page's words with each damaged span replaced by its consistent re-reading (<paramref name="readings"/>,
    /// empty when the image was not re-read; a span's re-reading at half the size, <paramref name="retries"/>, when it has
    /// one), or else by its restored separator, or else by what its two re-readings agree on (<see cref="DateToken.Agreed"/>);
    /// and each disputed well-formed date by the re-reading that the third reading (<paramref name="checks"/>) confirms;
    /// the span's words become one word.
    /// </summary>
    public static IReadOnlyList<TesseractTsv.Word> Apply(
        IReadOnlyList<TesseractTsv.Word> words,
        IReadOnlyList<Span> spans,
        IReadOnlyDictionary<int, string> readings,
        IReadOnlyDictionary<int, string> retries,
        IReadOnlyDictionary<int, string> checks)
    {
        var result = new List<TesseractTsv.Word>(words.Count);
        var next = 0;
        foreach (var span in spans)
        {
            result.AddRange(words.Skip(next).Take(span.First - next));
            next = span.First;
            readings.TryGetValue(span.First, out var firstLook);
            var reading = retries.TryGetValue(span.First, out var retry) ? retry : firstLook;
            if (span.IsDoubtful)
            {
                if (reading is not null && checks.TryGetValue(span.First, out var check) && DateToken.Confirmed(span.Text, reading, check) is { } confirmed)
                {
                    result.Add(Merge(words, span.First, span.Last, confirmed, AgreementReason));
                    next = span.Last + 1;
                }

                continue;
            }

            var reread = reading is null ? null : DateToken.Corrected(span.Text, reading);
            if (reread is not null)
            {
                result.Add(Merge(words, span.First, span.Last, reread, Reason));
                next = span.Last + 1;
                continue;
            }

            var cue = words.Take(span.First).Any(w => w.LineKey == words[span.First].LineKey && DateToken.IsDateCue(w.Text));
            var mark = words[span.First].Text[..^DateToken.WithoutLeadingMark(words[span.First].Text).Length];
            var repairedUpTo = Enumerable.Range(span.First, span.Last - span.First + 1).Reverse()
                .Select(last => (Last: last, Text: DateToken.Repaired(Text(words, span.First, last)[mark.Length..], cue)))
                .FirstOrDefault(r => r.Text is not null);
            if (repairedUpTo.Text is not null)
            {
                result.Add(Merge(words, span.First, repairedUpTo.Last, mark + repairedUpTo.Text, SeparatorReason));
                next = repairedUpTo.Last + 1;
            }
            else if (firstLook is not null && retry is not null && DateToken.Agreed(span.Text, firstLook, retry) is { } agreed)
            {
                result.Add(Merge(words, span.First, span.Last, agreed, AgreementReason));
                next = span.Last + 1;
            }
        }

        result.AddRange(words.Skip(next));
        return result;
    }

    /// <summary>
    /// Whether <paramref name="word"/> continues the date: on the same line, close, short, made of digits, separators and
    /// the unit syllables only (or 얼 or 윌 after a digit: 일 with a stroke more, <see cref="DateToken.IsDayUnitMisread"/>), or a part garbled
    /// after a unit (<see cref="IsGarbledPart"/>). The Korean model reports syllables as words (<c>3</c>, <c>월</c>), so a word joined to
    /// the previous one continues its group, and so does a unit syllable alone after a space (<c>2021 년</c>); another
    /// word after a space starts a new group, must hold a digit, and a date has
    /// at most <see cref="MaxFollowingWords"/> groups after the year's.
    /// </summary>
    private static bool IsDatePart(TesseractTsv.Word previous, TesseractTsv.Word word, ref int groups)
    {
        var gap = word.Left - previous.Right;
        if (word.LineKey != previous.LineKey || gap > previous.Height * MaxGapShareOfHeight || word.Text.Length > MaxPartLength)
        {
            return false;
        }

        if (IsGarbledPart(previous, word))
        {
            groups++;
            return groups <= MaxFollowingWords;
        }

        if (!IsDateText(word.Text) && !(word.Text.Length == 1 && DateToken.IsDayUnitMisread(word.Text[0]) && char.IsAsciiDigit(previous.Text[^1])))
        {
            return false;
        }

        var joined = word.SpaceBefore is { } space ? !space : gap < previous.Height * TesseractTsv.JoinGapShareOfHeight;
        if (joined || word.Text is "년" or "월" or "일")
        {
            return true;
        }

        groups++;
        return groups <= MaxFollowingWords && word.Text.Any(c => char.IsAsciiDigit(c) || DateToken.IsOneStroke(c));
    }

    /// <summary>
    /// Digits (a 1 may be read as a bare stroke, <see cref="DateToken.IsOneStroke"/>), separators and unit syllables; after
    /// the last digit there may also be one or two other marks that are no Hangul (not two Latin letters: a unit such as
    /// <c>mg</c>), or 얼 or 윌 (일 with a stroke more): the unit syllable ending a part, misread (<c>03H</c>, <c>09m</c>,
    /// <c>10%</c>, <c>112!</c>, <c>14얼</c>, and <c>02%)</c>, <c>9g)</c>, <c>232).</c>: 월 or 일 as two marks). A colon or degree
    /// sign may be a dot (<see cref="DateToken.Repaired"/>).
    /// </summary>
    private static bool IsDateText(string text)
    {
        var core = text[..(text.LastIndexOfAny(Digits) + 1)];
        var unit = text[core.Length..];
        return text.All(IsDateCharacter)
            || (core.Length > 0 && core.All(IsDateCharacter) && unit.Length <= 2 && unit.All(c => !Hangul.IsSyllable(c) || IsDateCharacter(c) || DateToken.IsDayUnitMisread(c))
                && !(unit.Length == 2 && unit.All(char.IsAsciiLetter)));
    }

    private static readonly char[] Digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'ㅣ', '|'];

    private static bool IsDateCharacter(char c) => char.IsAsciiDigit(c) || DateToken.IsOneStroke(c) || ".-/,':°ㆍ·년월일".Contains(c);

    /// <summary>
    /// A part of a unit date the Latin model garbled, digits and unit together (<c>2022년 SB 12일</c>, <c>2023년 01월 ise</c>):
    /// one to three Latin letters right after 년 or 월. Only re-readings that agree give its digits (<see cref="DateToken.Agreed"/>).
    /// </summary>
    private static bool IsGarbledPart(TesseractTsv.Word previous, TesseractTsv.Word word) =>
        (previous.Text.EndsWith('년') || previous.Text.EndsWith('월')) && word.Text.Length <= 3 && word.Text.All(char.IsAsciiLetter);

    internal static string Text(IReadOnlyList<TesseractTsv.Word> words, int first, int last) =>
        TesseractTsv.LineText(words.Skip(first).Take(last - first + 1).Select((w, k) => k == 0 ? w with { SpaceBefore = null } : w).ToList());

    internal static TesseractTsv.Word Merge(IReadOnlyList<TesseractTsv.Word> words, int first, int last, string text, string reason)
    {
        var parts = words.Skip(first).Take(last - first + 1).ToList();
        var left = parts.Min(w => w.Left);
        var top = parts.Min(w => w.Top);
        var merged = parts[0] with
        {
            Left = left,
            Top = top,
            Width = parts.Max(w => w.Right) - left,
            Height = parts.Max(w => w.Bottom) - top,
            Confidence = parts.Min(w => w.Confidence),
            Text = text,
        };
        return merged with { Correction = new TextCorrection(Text(words, first, last), text, reason, merged.Box) };
    }
}
