using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;

namespace VNexsus.Ocr.Correction;

/// <summary>
/// The second look at code-like tokens (ocr-notes.md §5.5). The first pass's word boxes of suspect tokens
/// (<see cref="KcdToken.IsSuspect"/>) are cropped with a margin, widened to the left where a lost letter would be (never
/// into the previous word), and stacked into one <see cref="RegionStrip"/>. The strip is read by a Latin-only model
/// restricted to capitals, digits and dots; the words read in each crop's band are that crop's reading. A reading that is
/// a well-formed code consistent with the first replaces the token, and the word records the change. No code ever comes
/// from anywhere but the page image.
/// </summary>
public static class CodeSecondPass
{
    public const string Reason = "kcd-second-pass";

    /// <summary>The reason recorded on a code read from a code column's cell the first reading lost.</summary>
    public const string ColumnReason = "kcd-column-reread";

    /// <summary>
    /// A lost cell has no first reading to agree with, so the Latin reading must be sure of itself (its word confidence,
    /// 0..100): noise read as a code measured 0–13 here, real codes 82–95.
    /// </summary>
    public const double MinimumCellConfidence = 60;

    public const string Whitelist = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.";

    /// <summary>The width of a digit as a share of its height: 0.6–0.67 measured on these scans.</summary>
    private const double GlyphWidth = 0.67;

    /// <summary>
    /// A box this many times wider than its glyphs could be is no measure of them (<see cref="CropRight"/>); a right one
    /// measured 0.82 of its height a glyph (seed 23 heavy p10).
    /// </summary>
    private const double OverWide = 1.5;

    /// <summary>
    /// Indices (into <paramref name="words"/>) of tokens worth a second look: damaged dotted codes anywhere, other code
    /// shapes on a line with a code cue or a dotted code, in brackets, or in a column of codes; undotted codes whose dot
    /// may be lost only among dotted ones (on their line, in brackets, in a column of them) or last on a diagnosis line
    /// (<c>부진단 결막염 H109</c>, where records print the dot), not on a prescription's line of undotted codes, which
    /// would cost its page an extra call for nothing. A code the first reading split in two words (<paramref name="splitCodes"/>,
    /// <see cref="SplitCodes"/>) is always looked at: the split is the damage. So is a year's shape straight after a
    /// diagnosis word (<c>주상병 2039</c> for E03.9, its E read as 2 and its dot lost: golden dev set), where no year stands,
    /// and a code with digits read as letters straight after a code label (<c>상병명: JOO</c>).
    /// </summary>
    public static IReadOnlyList<int> FindSuspects(IReadOnlyList<TesseractTsv.Word> words, IReadOnlyCollection<TesseractTsv.Word>? splitCodes = null)
    {
        var split = splitCodes?.ToHashSet(ReferenceEqualityComparer.Instance) ?? [];
        var lines = TesseractTsv.Lines(words);
        var dottedLines = lines.Where(line => line.Any(w => KcdToken.IsDotted(KcdToken.Split(w.Text).Core))).Select(line => line[0].LineKey).ToHashSet();
        var cueLines = lines.Where(line => KcdToken.HasCue(TesseractTsv.LineText(line))).Select(line => line[0].LineKey).Concat(dottedLines).ToHashSet();
        return Enumerable.Range(0, words.Count)
            .Where(i => split.Contains(words[i]) || KcdToken.IsSuspect(words[i].Text, lineHasCue: false) ||
                (KcdToken.IsYear(words[i].Text) && KcdToken.AfterDiagnosisWord(TesseractTsv.TextBefore(words, i))) ||
                (KcdToken.HasLettersForDigits(words[i].Text) && KcdToken.IsLabelled(words[i].Text, TesseractTsv.TextBefore(words, i))) ||
                (KcdToken.IsSuspect(words[i].Text, lineHasCue: true) && (cueLines.Contains(words[i].LineKey) || InCodePosition(i))) ||
                (KcdToken.MayHaveLostDot(words[i].Text) && (dottedLines.Contains(words[i].LineKey) || InCodePosition(i) || CodeLetterPass.LastOnDiagnosisLine(words, i))))
            .ToList();

        bool InCodePosition(int i) => KcdToken.IsBracketed(words[i].Text) || CodeColumn.Holds(words, i) || CodeColumn.UnderHeader(words, i) || CodeLetterPass.HeadsItsName(words, i);
    }

    /// <summary>
    /// The regions to re-read: each suspect's box with a margin, widened to the left where a lost letter would be, and to
    /// the right as far as its glyphs could reach (<see cref="CropRight"/>): a box read short loses the code's last digit
    /// (<c>8781</c> for E781 read at 200 dpi, its box a glyph short: golden dev set). A bracketed code the model ran into
    /// the name before it (<c>두통.(851)</c>) is cropped from its bracket on: Hangul in the crop is only noise to a Latin
    /// model. So is a code a list's number ran into (<c>#11259</c>), from after the number: the Latin model reads # as nothing.
    /// </summary>
    public static IReadOnlyList<RegionStrip.Region> Regions(IReadOnlyList<TesseractTsv.Word> words, IReadOnlyList<int> suspects) =>
        suspects.Select(index =>
        {
            var word = words[index];
            var pad = Math.Max(3, word.Height / 5);
            var prefix = KcdToken.Split(word.Text).Prefix;
            var listNumber = KcdToken.IsListNumber(prefix);
            if ((prefix.Length > 1 && prefix[^1] is '(' or '[' && prefix.Any(Hangul.IsSyllable)) || listNumber)
            {
                // The bracket's right part is kept (a Latin model reads its curve as nothing); the number's last digit is not (it would be a digit of the code).
                var unit = word.Width / word.Text.Sum(KcdToken.GlyphUnits);
                var left = word.Left + (int)((prefix.Sum(KcdToken.GlyphUnits) - (listNumber ? 0.2 : 0.6)) * unit);
                return new RegionStrip.Region(index, index, left, word.Top - pad, word.Right + pad - left, word.Height + (2 * pad), word.Height);
            }

            var previousRight = words.Where(w => w.LineKey == word.LineKey && w.Right <= word.Left).Select(w => w.Right).DefaultIfEmpty(-1).Max();
            var widen = Math.Max(0, Math.Min((word.Height / 2) + pad, previousRight < 0 ? int.MaxValue : word.Left - previousRight - 2));
            var right = KcdToken.Split(word.Text) is { Suffix: var name } && name.Any(char.IsLetter)
                ? CodeEnd(word, name)
                : CropRight(word, TesseractTsv.GlyphHeight(words, word), TesseractTsv.NextLeft(words, word), pad);
            return new RegionStrip.Region(index, index, word.Left - widen, word.Top - pad, right - word.Left + widen, word.Height + (2 * pad), word.Height);
        }).ToList();

    /// <summary>
    /// Where a suspect's crop ends on the right: its box with its margin, or where its glyphs could reach
    /// (<see cref="GlyphWidth"/> of their height each, <see cref="TesseractTsv.GlyphHeight"/>) when its box is shorter,
    /// never into the next word. A box far wider than its glyphs that runs into the next word is wrong (<c>611.4</c> 299 px
    /// wide over the name after it, light scan read at 200 dpi: golden dev set): the crop ends where the next word starts
    /// or the glyphs could reach, whichever is farther.
    /// </summary>
    private static int CropRight(TesseractTsv.Word word, int glyphHeight, int nextLeft, int pad)
    {
        // A bar in front of a code's digits is its letter I, as wide as a digit once its spacing is counted (상병명: |119).
        var units = word.Text.Sum(KcdToken.GlyphUnits) + (KcdToken.Split(word.Text).Core is ['|' or '!', ..] ? 0.5 : 0);
        var glyphsWidth = GlyphWidth * units * glyphHeight;
        var glyphsRight = (int)(word.Left + glyphsWidth);
        return word.Right > nextLeft && word.Width > OverWide * glyphsWidth
            ? Math.Max(nextLeft - 2, glyphsRight)
            : Math.Max(word.Right + pad, Math.Min(glyphsRight, nextLeft - 2));
    }

    /// <summary>
    /// Where the code of a token ends that has its name run in after it (<c>110/HTN</c>: holdout13 golden set): a Latin
    /// model restricted to capitals and digits reads the name as more of the code. Half a glyph of the name's first
    /// mark stays in the crop, as paper.
    /// </summary>
    private static int CodeEnd(TesseractTsv.Word word, string name)
    {
        var unit = word.Width / word.Text.Sum(KcdToken.GlyphUnits);
        return word.Right - (int)((name.Sum(KcdToken.GlyphUnits) - 0.5) * unit);
    }

    /// <summary>The strip of the suspects' crops, or null when there is none.</summary>
    public static RegionStrip? SuspectStrip(GrayImage page, IReadOnlyList<TesseractTsv.Word> words, IReadOnlyList<int> suspects) =>
        RegionStrip.Build(page, Regions(words, suspects));

    /// <summary>
    /// The strip of the cells of code columns the first reading lost (<see cref="CodeColumn"/>; rows holding a suspect
    /// are left to the suspect's own crop), and of columns it lost entirely (<see cref="CodeColumn.LostCells"/>), or null
    /// when there is none. Never read in one strip with the suspects: the cells' noisy crops changed how the recogniser
    /// read the suspects' (measured: codes it had read right were lost). A row with a cell under a code header has no
    /// other: two words would go in its one place.
    /// </summary>
    public static RegionStrip? CellStrip(GrayImage page, IReadOnlyList<TesseractTsv.Word> words, IReadOnlyList<int> suspects) =>
        RegionStrip.Build(page, CodeColumn.Cells(words, suspects.ToHashSet()).Concat(CodeColumn.LostCells(words, page)).DistinctBy(cell => cell.First).ToList());

    /// <summary>
    /// The letters-only crops (<see cref="CodeLetterPass.Regions"/>: the first glyph alone, and on to the end) of the empty
    /// cells of a cell strip whose Latin reading is sure of itself and a code but for its first glyph, a digit a letter is
    /// drawn like (<c>593.40</c> for <c>S93.40</c>, <c>080</c> for <c>O80</c>): a lost cell has no first reading to say
    /// which letter, so the letters-only model must (<see cref="CellLetters"/>).
    /// </summary>
    public static IReadOnlyList<RegionStrip.Region> LetterRegions(GrayImage page, RegionStrip strip, IReadOnlyList<TesseractTsv.Word> stripWords) =>
        strip.Slots
            .Where(slot => slot.Region.Last < slot.Region.First)
            .Select(slot => (slot.Region, Read: RegionStrip.WordsIn(slot, stripWords)))
            .Where(cell => cell.Read.Count > 0 && cell.Read.Min(w => w.Confidence) >= MinimumCellConfidence &&
                CodeLetterPass.LetterReadAsDigit(CodeReading(cell.Read)))
            .SelectMany(cell =>
            {
                // The code as a word on the page, where the cell's ink is: its crop has a third of a glyph of paper each side.
                var pad = cell.Region.GlyphHeight / 3;
                var code = new TesseractTsv.Word(0, 0, 0, cell.Region.Left + pad, cell.Region.Top + Math.Max(3, cell.Region.GlyphHeight / 5),
                    cell.Region.Width - (2 * pad), cell.Region.GlyphHeight, 0, CodeReading(cell.Read));
                return CodeLetterPass.Regions([code], [0], page).Select(region => region with { First = cell.Region.First, Last = cell.Region.Last });
            })
            .ToList();

    /// <summary>
    /// The letter of each lost cell (by its region's First) that the letters-only readings of its two crops
    /// (<see cref="LetterRegions"/>) agree on (<see cref="CodeLetterPass.Letter"/>, the Latin reading in the first reading's
    /// place: a digit the letter is drawn like confirms it when the reading on to the end shows nothing).
    /// </summary>
    public static IReadOnlyDictionary<int, char> CellLetters(RegionStrip cells, IReadOnlyList<TesseractTsv.Word> cellWords, RegionStrip letters, IReadOnlyList<TesseractTsv.Word> letterWords) =>
        letters.Slots.GroupBy(slot => slot.Region.First)
            .Select(crops => (
                First: crops.Key,
                Latin: CodeReading(RegionStrip.WordsIn(cells.Slots.First(slot => slot.Region.First == crops.Key), cellWords)),
                Readings: crops.Select(slot => string.Concat(RegionStrip.WordsIn(slot, letterWords).Select(w => w.Text))).ToList()))
            .Select(cell => (cell.First, Letter: cell.Readings.Count == 2 ? CodeLetterPass.Letter(cell.Latin, cell.Readings[0], cell.Readings[1]) : null))
            .Where(cell => cell.Letter is not null)
            .ToDictionary(cell => cell.First, cell => cell.Letter!.Value);

    /// <summary>
    /// The page's words with the suspect tokens replaced where the strip's reading is a consistent, well-formed code, and
    /// lost cells of code columns filled where it is a well-formed code, or one once its first glyph is the letter the
    /// letters-only model read there (<paramref name="letters"/>, by the cell's region's First).
    /// </summary>
    public static IReadOnlyList<TesseractTsv.Word> Apply(
        IReadOnlyList<TesseractTsv.Word> words, RegionStrip strip, IReadOnlyList<TesseractTsv.Word> stripWords, IReadOnlyDictionary<int, char>? letters = null)
    {
        var result = words.ToList();
        var cells = new List<(RegionStrip.Region Region, TesseractTsv.Word Word)>();
        foreach (var slot in strip.Slots)
        {
            var read = RegionStrip.WordsIn(slot, stripWords);
            // A token's slot holds the region Regions gives that token; any other is a column cell.
            if (slot.Region.First == slot.Region.Last && Regions(words, [slot.WordIndex])[0] == slot.Region)
            {
                var word = words[slot.WordIndex];
                // A bar (| or !) is what the Korean model reads for I, never for J or L (which it reads as 1): in any code
                // position it is the letter (2023년 11월 24일 |139 : 고혈압성 심장 및 신장병: holdout4 golden set).
                var codePosition = CodeColumn.Holds(words, slot.WordIndex) || CodeColumn.UnderHeader(words, slot.WordIndex)
                    || (KcdToken.Split(word.Text).Core is ['|' or '!', ..] && CodeLetterPass.InCodePosition(words, slot.WordIndex));
                if ((Consistent(word.Text, read)
                     ?? Readings(word.Text, read).Select(reading =>
                         KcdToken.AfterCodeLabel(word.Text, reading, TesseractTsv.TextBefore(words, slot.WordIndex))
                         ?? KcdToken.WithLetterI(word.Text, reading, codePosition)).FirstOrDefault(c => c is not null)) is { } corrected)
                {
                    result[slot.WordIndex] = word with
                    {
                        Text = corrected,
                        Correction = new TextCorrection(word.Correction?.Original ?? word.Text, corrected, Reason, word.Box),
                    };
                }
            }
            else if ((CellReading(words.Skip(slot.Region.First).Take(slot.Region.Last - slot.Region.First + 1), read)
                      ?? Lettered(read, letters?.GetValueOrDefault(slot.Region.First))) is { } code)
            {
                cells.Add((slot.Region, CellWord(words, slot.Region, read, code)));
            }
        }

        // Replace from the end so the indices of earlier cells stay valid.
        foreach (var (region, word) in cells.OrderByDescending(c => c.Region.First))
        {
            result.RemoveRange(region.First, region.Last - region.First + 1);
            result.Insert(region.First, word);
        }

        return result;
    }

    /// <summary>
    /// What a lost cell reads, or null. Where the first reading saw a damaged code in the cell (<c>"1109.</c>,
    /// <c>M54-5</c>), the Latin reading is taken as a suspect token's is (<see cref="KcdToken.Corrected"/>: its digits
    /// must end the first reading's), however unsure the model says it is. Otherwise, with nothing to agree with, the
    /// Latin reading (one stray character in front allowed) must be read with at least
    /// <see cref="MinimumCellConfidence"/> and be a well-formed code once the letter-for-digit confusions after its
    /// letter are undone. A column of codes holds no plain numbers, so a first glyph read as 1, l or | is the letter I
    /// (<c>110</c> is <c>I10</c>). Digits the first reading saw in the cell (two or more) must agree with the code's: one
    /// must start or end the other (the first reading loses glyphs at a code's ends: <c>29.</c> for <c>K29.7</c>).
    /// </summary>
    public static string? CellReading(IEnumerable<TesseractTsv.Word> firstReading, IReadOnlyList<TesseractTsv.Word> read)
    {
        var first = string.Concat(firstReading.Select(w => w.Text));
        if (read.Count == 0)
        {
            return null;
        }

        if (first.Count(char.IsAsciiDigit) >= 2 && (Consistent(first, read) ?? Continued(first, read) ?? MarkAtDot(first, read)) is { } corrected)
        {
            return corrected;
        }

        if (read.Min(w => w.Confidence) < MinimumCellConfidence)
        {
            return null;
        }

        var reading = CodeReading(read);
        var seen = new string(first.Where(char.IsAsciiDigit).ToArray());
        return new[] { reading, reading.Length > 1 ? reading[1..] : "" }
            .Where(r => r.Length >= 3)
            .Select(r => (r[0] is '1' or 'l' or '|' ? 'I' : r[0]) + new string(r[1..].Select(KcdToken.DigitFor).ToArray()))
            .FirstOrDefault(code => KcdToken.IsWellFormed(code) && (seen.Length < 2 || Agree(seen, new string(code.Where(char.IsAsciiDigit).ToArray()))));

        static bool Agree(string a, string b) =>
            a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal) || a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);
    }

    /// <summary>The Latin reading of a lost cell with its first glyph, a digit, taken for the letter the letters-only model read there (<see cref="CodeLetterPass.Corrected"/>).</summary>
    private static string? Lettered(IReadOnlyList<TesseractTsv.Word> read, char? letter)
    {
        var reading = CodeReading(read);
        return letter is { } agreed && read.Count > 0 && read.Min(w => w.Confidence) >= MinimumCellConfidence ? CodeLetterPass.Corrected(reading, reading, agreed) : null;
    }

    /// <summary>
    /// The Latin reading when it is a well-formed code that holds all the first reading saw (two digits or more, and its
    /// dot), in order and together: the first reading lost glyphs at both ends (<c>29.</c> for <c>K29.7</c>).
    /// </summary>
    private static string? Continued(string first, IReadOnlyList<TesseractTsv.Word> read)
    {
        var seen = first.Trim('"', '\'', '|', ':', ';', ',', '(', ')', '[', ']');
        var reading = CodeReading(read);
        return seen.Length >= 3 && seen.All(c => char.IsAsciiDigit(c) || c == '.') && KcdToken.IsWellFormed(reading) &&
            reading[1..].Contains(seen, StringComparison.Ordinal) ? reading : null;
    }

    /// <summary>
    /// The code with its dot where the first reading saw a code with a mark in its dot's place (<c>F32:9</c>,
    /// <c>M54,5</c>) and the Latin reading shows the same letter and digits without one: both models saw the code, the
    /// Korean one a mark where a code has only its dot.
    /// </summary>
    private static string? MarkAtDot(string first, IReadOnlyList<TesseractTsv.Word> read)
    {
        // Not KcdToken.Split: it takes a colon for the end of a label (질병분류기호:).
        var core = first.Trim('"', '\'', '|', '(', ')', '[', ']');
        var reading = CodeReading(read);
        var dotted = core.Length >= 5 && ":;,-".Contains(core[3]) ? core[..3] + "." + core[4..] : null;
        return dotted is not null && KcdToken.IsDotted(dotted) && reading.Replace(".", "", StringComparison.Ordinal) == core[..3] + core[4..] ? dotted : null;
    }

    /// <summary>The reading of each token slot of a strip (the cells' slots are left out), keyed by the token's index.</summary>
    public static IReadOnlyDictionary<int, string> TokenReadings(IReadOnlyList<TesseractTsv.Word> words, RegionStrip strip, IReadOnlyList<TesseractTsv.Word> stripWords) =>
        strip.Slots
            .Where(slot => slot.Region.First == slot.Region.Last && Regions(words, [slot.WordIndex])[0] == slot.Region)
            .ToDictionary(slot => slot.WordIndex, slot => TokenReading(words[slot.WordIndex].Text, RegionStrip.WordsIn(slot, stripWords)));

    /// <summary>
    /// The Latin reading of a token's crop for the letters-only look (<see cref="CodeLetterPass"/>): without the glyph of
    /// the token's closing mark when only that reading ends in the token's digits (<c>11395</c> for <c>1139,</c>, its 』
    /// read as 5: holdout4 golden set).
    /// </summary>
    private static string TokenReading(string token, IReadOnlyList<TesseractTsv.Word> read)
    {
        var whole = string.Concat(read.Select(w => w.Text));
        var digits = new string(KcdToken.Split(token).Core.Where(char.IsAsciiDigit).ToArray());
        var readings = Readings(token, read).Select(r => (Reading: r, Digits: new string(r.Where(char.IsAsciiDigit).ToArray()))).ToList();
        return digits.Length > 0 && readings is [var full, var withoutMark] && !full.Digits.EndsWith(digits, StringComparison.Ordinal)
            && withoutMark.Digits.EndsWith(digits, StringComparison.Ordinal) ? withoutMark.Reading : whole;
    }

    private static TesseractTsv.Word CellWord(IReadOnlyList<TesseractTsv.Word> words, RegionStrip.Region cell, IReadOnlyList<TesseractTsv.Word> read, string code)
    {
        var lost = words.Skip(cell.First).Take(cell.Last - cell.First + 1).ToList();
        var row = words[lost.Count > 0 ? cell.First : cell.First - 1];
        var box = new BoundingBox(cell.Left, cell.Top, cell.Left + cell.Width, cell.Top + cell.Height);
        var original = lost.Count == 0 ? "" : TesseractTsv.LineText(lost.Select((w, k) => k == 0 ? w with { SpaceBefore = null } : w).ToList());
        return new TesseractTsv.Word(row.Block, row.Paragraph, row.Line, cell.Left, cell.Top, cell.Width, cell.Height, read.Min(w => w.Confidence), code)
        {
            SpaceBefore = true,
            Correction = new TextCorrection(original, code, ColumnReason, box),
        };
    }

    /// <summary>
    /// The correction for a reading; a reading with one stray character in front (a bracket the whitelist turned into a
    /// letter or digit) is tried without it, and a reading of several words by its last. A trailing full stop is not part
    /// of a code.
    /// </summary>
    private static string? Consistent(string token, IReadOnlyList<TesseractTsv.Word> read)
    {
        var reading = CodeReading(read);
        // A label run into the code (질병분류기호:110) is read as a separate word before it, or, when the label has Latin
        // letters of its own, as one word with the code (진단코드(KCD-8):E042 read KCD8E042: holdout8 golden set).
        string[] ranInto = [reading.Length > 1 ? reading[1..] : "", read.Count > 1 ? read[^1].Text.TrimEnd('.') : "", CodeEnding(reading)];
        return Readings(token, read).Concat(ranInto).Where(c => c.Length > 0).Select(c => KcdToken.Corrected(token, c)).FirstOrDefault(c => c is not null);
    }

    /// <summary>
    /// What the Latin model read in a slot, and, when the first reading ends in a mark (<c>『78.9』</c>, <c>1139,</c>) or
    /// the Latin one in a letter after a digit, the same without its last glyph: the mark is in the crop, and a model
    /// restricted to capitals and digits reads it as one (<c>E78.95</c>, <c>11395</c>: holdout4 golden set, codes in 『』);
    /// a bracket the first reading set apart is in the crop too (<c>[)03.9 ]</c> read <c>J039J</c>), and no code ends in a letter.
    /// </summary>
    private static IEnumerable<string> Readings(string token, IReadOnlyList<TesseractTsv.Word> read)
    {
        var reading = CodeReading(read);
        yield return reading;
        if (reading.Length > 2 && (KcdToken.Split(token).Suffix.Length > 0 || (char.IsAsciiLetterUpper(reading[^1]) && char.IsAsciiDigit(reading[^2]))))
        {
            yield return reading[..^1];
        }
    }

    /// <summary>The end of a reading from its last letter on when only digits and a dot follow that letter (<c>E042</c> of <c>KCD8E042</c>), or "".</summary>
    private static string CodeEnding(string reading)
    {
        var letter = reading.AsSpan().LastIndexOfAnyInRange('A', 'Z');
        return letter > 0 && reading[(letter + 1)..].All(c => char.IsAsciiDigit(c) || c == '.') ? reading[letter..] : "";
    }

    /// <summary>What the Latin model read in a slot, as one token: a trailing full stop is not part of a code.</summary>
    private static string CodeReading(IReadOnlyList<TesseractTsv.Word> read) => string.Concat(read.Select(w => w.Text)).TrimEnd('.');
}
