using System.Text.RegularExpressions;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Rules.Codes;

namespace VNexsus.Ocr.Correction;

/// <summary>
/// A code whose letter the OCR lost on one page, read cleanly on another page of the same file. A record repeats a
/// patient's diagnoses on many pages (진단서, 소견서, 처방전 질병분류기호, 입퇴원확인서): a reader resolves <c>(110)</c> beside
/// 본태성 고혈압 on one page by the clean <c>I10</c> on another, and so does this pass, once every page of the file is read.
/// <para>
/// Only tokens on OCR'd pages change, only in code position (<see cref="CodeLetterPass.InCodePosition"/>), and only
/// where the damage is the Korean model's known one at the letter: the letter read as a digit or a mark (<c>593.40</c>,
/// <c>ㄷ78.5</c>, <c>]20.9</c>) or lost (<c>20.9)</c>), the dot read as a comma or split off by a space
/// (<c>(611 .9)</c>). The digits must be the clean code's digits, and the letter is taken only when one clean code of
/// the file fits: with <c>I10</c> and <c>J10</c> both in the file, <c>110</c> stays. When the damaged token and a clean
/// occurrence of its code both follow a diagnosis name, the names must agree too. The digits and the dot are the damaged
/// token's own (a prescription prints <c>E119</c> where the 진단서 prints <c>E11.9</c>): the pass never adds a digit.
/// </para>
/// <para>
/// A clean code is a well-formed token, in code position, straight after a diagnosis label (<c>상병명: I119</c>) or dotted, on any page: a text layer's codes are the cleanest
/// there are. One an earlier correction produced is a guess from the image, not a reading: it resolves another token
/// only when both stand beside the same diagnosis name, and it still makes another clean code ambiguous. A clean code
/// printed without a name (a prescription's) is named by the KCD catalogue, so that a name beside the damaged token can
/// still disagree with it.
/// </para>
/// <para>
/// Where no clean code of the file resolves the token and none stands beside a name that agrees with the token's, the
/// KCD catalogue (<c>kcd.json</c> names) is the second reference, as it is for a reader: <c>고혈압 (10)</c> is I10
/// because the name beside it is I10's. A catalogue code is taken only beside a name that shows more than half of the
/// catalogue's specific name (<see cref="Shown"/>) and more than twice as much of it as of any other catalogue code
/// with the same digits (I10 본태성(일차성) 고혈압 against O10 임신, 출산 및 산후기에 합병된 기존의 고혈압); a name
/// saying 상세불명 never takes a subcode whose name does not. The catalogue never adds a code: it only chooses the
/// letter of digits printed in code position beside a name.
/// </para>
/// <para>
/// A token whose letter is restored beside a name gets its dot where the file prints the dots of its named codes
/// (<c>요로감염 390</c> is <c>N39.0</c>; left undotted when every code the file prints beside a name is undotted).
/// </para>
/// <para>
/// One well-formed reading is looked at again: a code read with the letter I where the first reading saw an upright
/// stroke, beside the name of a J or L code with the same digits (<see cref="UprightLetter"/>).
/// </para>
/// </summary>
public static partial class SameFileCodes
{
    public const string Reason = "kcd-same-file";

    /// <summary>The reason recorded when the letter comes from the KCD catalogue's name for the code.</summary>
    public const string NameReason = "kcd-name";

    /// <summary>Fewest syllables of a diagnosis name worth comparing: fewer are a garbled label, not a name.</summary>
    private const int MinNameLength = 2;

    /// <summary>Syllables two readings of a name must share (or all of the shorter, at least <see cref="MinNameLength"/>): a disease noun (고혈압, 편두통), more than a particle or 급성.</summary>
    private const int SharedRun = 3;

    /// <summary>Share of a catalogue name's specific syllables the name beside a token must show.</summary>
    private const double ShownEnough = 0.5;

    /// <summary>Words of KCD names that say nothing about which disease (상세불명의 급성 기관지염, 상세불명의 편두통).</summary>
    private static readonly string[] GenericWords = ["상세불명의", "상세불명", "기타"];

    private const string Unspecified = "상세불명";

    /// <summary>The letters drawn as one upright stroke, which a worn scan's reading cannot tell apart (<see cref="UprightLetter"/>).</summary>
    private const string UprightLetters = "IJL";

    /// <summary>
    /// The pages with every damaged code that a clean code of the file, or else the catalogue's name for a code, resolves
    /// corrected and the change recorded on its block.
    /// </summary>
    public static IReadOnlyList<ExtractedPage> Apply(IReadOnlyList<ExtractedPage> pages, KcdTable catalogue) =>
        // An I is re-lettered first: the J or L it becomes is then the file's code for the damaged tokens of its digits
        // (seed 89 heavy: the I30.9 read beside 피부염 on p13 had kept (130.9) beside 피부염 on p17 from the catalogue's L30.9).
        Pass(Pass(pages, catalogue, Reletter), catalogue, ResolveDamaged);

    /// <summary>What one pass over the file makes of a token in code position (the page's words, its index, where it stands), or null to keep it.</summary>
    private delegate Resolution? TokenRule(Token token, IReadOnlyList<TesseractTsv.Word> words, int index, CodePosition position, References references);

    /// <summary>One pass over the file: every token in code position on its OCR'd pages put to <paramref name="rule"/>, with the file's clean codes as they stand before the pass.</summary>
    private static IReadOnlyList<ExtractedPage> Pass(IReadOnlyList<ExtractedPage> pages, KcdTable catalogue, TokenRule rule)
    {
        var lines = pages.Select(page => page.Blocks.Select(Tokens).ToList()).ToList();
        var pageWords = pages.Select((page, p) => Words(page.Blocks, lines[p])).ToList();
        var clean = new List<CleanCode>();
        var namedCodes = new List<string>();
        for (var p = 0; p < pages.Count; p++)
        {
            var tokens = lines[p].SelectMany(line => line).ToList();
            var words = pageWords[p];
            for (var w = 0; w < words.Count; w++)
            {
                var core = KcdToken.Split(words[w].Text).Core;
                if (KcdToken.IsWellFormed(core) && (KcdToken.IsDotted(core) || CodeLetterPass.InCodePosition(words, w) || KcdToken.IsLabelled(words[w].Text, TesseractTsv.TextBefore(words, w))))
                {
                    // Records name a diagnosis before its code or after it (상병명: I119 고혈압성 심장병: holdout golden set).
                    var name = NameBefore(words, w) ?? NameAfter(words, w);
                    if (name is not null)
                    {
                        namedCodes.Add(core);
                    }

                    clean.Add(new CleanCode(core, Digits(core[1..]), name ?? CatalogueName(catalogue, core), tokens[w].WasCorrected));
                }
            }
        }

        // A file whose named codes with a subcode are all printed undotted prints a restored one undotted too.
        var withSubcode = namedCodes.Where(code => code.Length > 3).ToList();
        var references = new References(clean, catalogue, withSubcode.Count == 0 || withSubcode.Any(KcdToken.IsDotted));
        var result = pages.ToList();
        for (var p = 0; p < pages.Count; p++)
        {
            if (pages[p].Source == PageTextSource.Ocr && Corrected(pages[p], lines[p], pageWords[p], references, rule) is { } corrected)
            {
                result[p] = corrected;
            }
        }

        return result;
    }

    /// <summary>
    /// What a damaged token reads with its letter restored and why, or null: the damaged token's digits (and dot) after the
    /// one letter whose clean code of the file, or else whose catalogue name, fits; its brackets and marks stay.
    /// </summary>
    private static Resolution? Resolve(string token, string? name, References references, CodePosition position)
    {
        var (prefix, core, suffix) = KcdToken.Split(token);
        var trailingDot = core.Length > 1 && core[^1] == '.' && !core[..^1].Contains('.', StringComparison.Ordinal);
        var read = Dot().Replace(trailingDot ? core[..^1] : core, ".");
        if (KcdToken.IsWellFormed(read))
        {
            // The letter survived and only the dot was damaged (F32,9): the code itself must be one of the file's.
            return read != core.TrimEnd('.') && references.Clean.Any(c => c.Code == read) ? new(prefix + read + (trailingDot ? "." : "") + suffix, Reason) : null;
        }

        if (KcdToken.IsYear(read))
        {
            return null;
        }

        // The first glyph read for the letter (a digit or a mark), or the letter lost: every reading is tried. A bare
        // number is a code that lost its letter only after a name (고혈압 (10), 두통 51) or among codes after a code label
        // (질병분류기호: H109 51), and there only the file's own codes can name its letter: not anywhere else a code may
        // stand (a code header's column runs on into a lab table's results: ALT 51 U/L), nor before a name, where it may
        // be the row's number.
        var asGlyph = LetterAsGlyph().Match(read);
        var bareNumberIsCode = position == CodePosition.AmongCodes || (position != CodePosition.WithinRow && name is not null);
        var readings = new[]
            {
                asGlyph.Success ? asGlyph.Groups["digits"].Value : null,
                KcdToken.IsLetterLost(read) || (bareNumberIsCode && Undotted().IsMatch(read)) ? read : null,
            }
            .OfType<string>()
            .ToList();
        var fits = references.Clean.Where(c => readings.Any(r => Digits(r) == c.Digits)).ToList();
        if (FromFile(name, fits, nameRequired: position is CodePosition.AfterName or CodePosition.WithinRow) is { } fromFile)
        {
            var reading = readings.First(r => Digits(r) == fromFile.Digits);
            return Restored(prefix, fromFile.Code[0], reading, trailingDot, suffix, name is not null && references.DottedBesideNames, Reason);
        }

        // The catalogue never overrules a code of the file read beside the same disease (it may confirm it: 두통 51 beside
        // the R51 of a prescription, whose name is too short for the file alone).
        if (name is null || FromCatalogue(name, readings, references.Catalogue) is not var (letter, catalogueReading) ||
            fits.Any(c => c.Name is not null && NamesAgree(name, c.Name) && (c.Code[0] != letter || c.Digits != Digits(catalogueReading))))
        {
            return null;
        }

        return Restored(prefix, letter, catalogueReading, trailingDot, suffix, references.DottedBesideNames, NameReason);
    }

    /// <summary>
    /// A damaged token no earlier correction made, resolved beside the name before it, or the one after it where none
    /// stands before it (<c>(주) 10 (본태성(일차성) 고혈압)</c>); within a row, beside the name after it first (a table
    /// whose code column comes first), then the one before it. A token that opens a bracket and ends in a 3 without closing
    /// it is read, when it resolves no other way, with the 3 as the closing 】 the Korean model reads so (<c>[11103</c> for
    /// <c>【I110】</c>: holdout3 golden set).
    /// </summary>
    private static Resolution? ResolveDamaged(Token token, IReadOnlyList<TesseractTsv.Word> words, int index, CodePosition position, References references)
    {
        if (token.WasCorrected)
        {
            return null;
        }

        Resolution? ResolveAs(string text) =>
            position == CodePosition.WithinRow ? Resolve(text, NameAfter(words, index), references, position) ?? Resolve(text, NameBefore(words, index), references, position)
            : Resolve(text, NameBefore(words, index) ?? NameAfter(words, index), references, position);

        return ResolveAs(token.Text) ?? (ClosingReadAsThree().IsMatch(token.Text) ? ResolveAs(token.Text[..^1] + "]") : null);
    }

    [GeneratedRegex(@"^[(\[【「『〔〈《<][^)\]】」』〕〉》>]+3$", RegexOptions.CultureInvariant)]
    private static partial Regex ClosingReadAsThree();

    /// <summary>A code read with I re-lettered by the name before it (<see cref="UprightLetter"/>); a code before its name is left.</summary>
    private static Resolution? Reletter(Token token, IReadOnlyList<TesseractTsv.Word> words, int index, CodePosition position, References references) =>
        position == CodePosition.WithinRow ? null : UprightLetter(token, NameBefore(words, index), references);

    /// <summary>
    /// A code read with the letter I beside a name that is another upright letter's code: I, J and L are each one upright
    /// stroke on a worn scan, the Korean model reads all three as 1, and the Latin model's I (<c>120.9</c> read
    /// <c>I20.9</c> beside 상세불명의 급성 기관지염, seed 67 p08) says only that the stroke stood upright. Where the first
    /// reading gave an upright stroke for the letter (<see cref="KcdToken.IsBar"/>), the name beside the code decides
    /// among the codes of those digits with an upright letter: a clean code of the file with J or L read beside a name
    /// that agrees, else the catalogue's (I's included), on the terms <see cref="FromCatalogue"/> sets for a lost letter.
    /// The digits and the dot stay as read; a name the I code's agrees with as well keeps the I.
    /// </summary>
    private static Resolution? UprightLetter(Token token, string? name, References references)
    {
        var (prefix, core, suffix) = KcdToken.Split(token.Text);
        var firstGlyph = KcdToken.Split(token.FirstReading).Core.FirstOrDefault();
        if (name is null || !KcdToken.IsWellFormed(core) || core[0] != 'I' || !KcdToken.IsBar(firstGlyph))
        {
            return null;
        }

        // The file's I codes are no witness: the same stroke printed on another page reads I the same way.
        var digits = Digits(core);
        var fileLetters = references.Clean
            .Where(c => !c.Guessed && c.Digits == digits && c.Code[0] is 'J' or 'L' && c.Name is not null && NamesAgree(name, c.Name, SharedRun))
            .Select(c => c.Code[0])
            .Distinct()
            .ToList();
        if (fileLetters.Count == 1)
        {
            return new(prefix + fileLetters[0] + core[1..] + suffix, Reason);
        }

        return FromCatalogue(name, [core[1..]], references.Catalogue, UprightLetters) is (var letter and not 'I', _)
            ? new(prefix + letter + core[1..] + suffix, NameReason)
            : null;
    }

    /// <summary>The one clean code of the file the token's digits fit, or null when none or several do, or the names disagree.</summary>
    private static CleanCode? FromFile(string? name, List<CleanCode> fits, bool nameRequired)
    {
        if (fits.Select(c => c.Code[0] + c.Digits).Distinct().Count() != 1)
        {
            return null;
        }

        // A code an earlier correction read from the image is a guess: it speaks for another token only beside the same disease.
        var named = fits.Where(c => c.Name is not null).ToList();
        var agrees = name is not null && named.Any(c => NamesAgree(name, c.Name!, nameRequired ? SharedRun : MinNameLength));
        return ((fits.All(c => c.Guessed) || nameRequired) ? !agrees : name is not null && named.Count > 0 && !agrees) ? null : fits[0];
    }

    /// <summary>
    /// The letter of the one catalogue code whose name the name beside the token shows clearly best (see
    /// <see cref="Shown"/>) and the reading it fits, or null. The codes with the reading's digits are asked first; when
    /// none of them is shown well enough, a code the catalogue does not list is compared by the code it refines: a
    /// subcode by its category where the catalogue knows the category to be subdivided (<c>112.9</c> beside 고혈압성
    /// 신장병 is I12.9 by I12's name: holdout2 golden set; R51 has no subcodes, so <c>(6510)</c> beside 두통 stays), a
    /// five-character code by its subcode (<c>S93.40</c> by S93.4 발목의 염좌 및 긴장). A name saying 상세불명 is refined
    /// only to KCD's unspecified subcode, .9: <c>상세불명의 결막염 (110.0)</c> has a digit misread, it is no H10.0.
    /// </summary>
    private static (char Letter, string Reading)? FromCatalogue(string name, List<string> readings, KcdTable catalogue, string? letters = null) =>
        Clearest(name, readings, letters, reading => catalogue.NamedWithDigits(Digits(reading)))
        ?? Clearest(name, readings, letters, reading => Digits(reading) is { Length: > 2 } digits && (!name.Contains(Unspecified, StringComparison.Ordinal) || digits[^1] == '9')
            ? catalogue.NamedWithDigits(digits[..^1]).Where(broader => broader.Key.Contains('.', StringComparison.Ordinal) || catalogue.HasSubcodes(broader.Key))
            : []);

    private static (char Letter, string Reading)? Clearest(
        string name, List<string> readings, string? letters, Func<string, IEnumerable<KeyValuePair<string, string>>> candidates)
    {
        var scored = readings
            .SelectMany(reading => candidates(reading)
                .Where(code => letters is null || letters.Contains(code.Key[0]))
                .Select(code => (Letter: code.Key[0], Reading: reading, Share: Shown(name, code.Key, code.Value))))
            .OrderByDescending(candidate => candidate.Share)
            .ToList();
        if (scored.Count == 0 || scored[0].Share < ShownEnough || scored.Skip(1).Any(other => other.Share * 2 >= scored[0].Share))
        {
            return null;
        }

        return (scored[0].Letter, scored[0].Reading);
    }

    /// <summary>
    /// How much of a catalogue code's name the name beside a token shows: the share of the catalogue name's specific
    /// syllables (<see cref="Specific"/>) that lie in runs of two or more the token's name holds too, so a garbled label
    /// in front or a differently worded qualifier (원발성 for 일차성) costs only its own syllables. Zero when the token's
    /// name says 상세불명 and the code is a subcode whose name does not (결막염 110.0 is no H10.0 점액화농성 결막염).
    /// </summary>
    public static double Shown(string name, string code, string catalogueName)
    {
        if (name.Contains(Unspecified, StringComparison.Ordinal) && code.Contains('.', StringComparison.Ordinal) && !catalogueName.Contains(Unspecified, StringComparison.Ordinal))
        {
            return 0;
        }

        var (text, catalogued) = (Specific(name), Specific(catalogueName));
        if (catalogued.Length < MinNameLength)
        {
            return 0;
        }

        var shown = new bool[catalogued.Length];
        for (var start = 0; start + MinNameLength <= catalogued.Length; start++)
        {
            for (var end = catalogued.Length; end - start >= MinNameLength; end--)
            {
                if (text.Contains(catalogued[start..end], StringComparison.Ordinal))
                {
                    Array.Fill(shown, true, start, end - start);
                    break;
                }
            }
        }

        return (double)shown.Count(s => s) / catalogued.Length;
    }

    /// <summary>The token with its letter: the reading's digits (and dot, put back beside a name where the file prints dots) after the letter.</summary>
    private static Resolution? Restored(string prefix, char letter, string reading, bool trailingDot, string suffix, bool dotted, string reason)
    {
        var code = letter + (dotted && !reading.Contains('.', StringComparison.Ordinal) && reading.Length > 2 ? reading[..2] + "." + reading[2..] : reading);
        return KcdToken.IsWellFormed(code) ? new(prefix + code + (trailingDot ? "." : "") + suffix, reason) : null;
    }

    private static string? CatalogueName(KcdTable catalogue, string code) =>
        KcdTable.Normalise(code) is { } normalised ? catalogue.NameOf(normalised) is { } name ? new string(name.Where(Hangul.IsSyllable).ToArray()) : null : null;

    /// <summary>
    /// Whether two readings of a diagnosis name (Hangul syllables only) name the same disease: with the words every
    /// kind of disease may carry taken out (상세불명의, 기타), they share a run of syllables (고혈압, 기관지염), which OCR
    /// damage elsewhere in the name (a garbled label in front, 의 read as 와) leaves standing. A name shorter than that
    /// (두통) agrees when all of it is in the other and it is at least <paramref name="shortestRun"/> syllables long.
    /// </summary>
    public static bool NamesAgree(string a, string b, int shortestRun = MinNameLength)
    {
        var (x, y) = (Specific(a), Specific(b));
        var run = Math.Min(SharedRun, Math.Min(x.Length, y.Length));
        for (var start = 0; run >= shortestRun && start + run <= x.Length; start++)
        {
            if (y.Contains(x.Substring(start, run), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A name's Hangul syllables without the words every kind of disease may carry (상세불명의, 기타), its words for
    /// "primary" as one (원발성 고혈압 is KCD's 본태성(일차성) 고혈압: holdout12 golden set).
    /// </summary>
    private static string Specific(string name) =>
        Primary.Aggregate(
            GenericWords.Aggregate(new string(name.Where(Hangul.IsSyllable).ToArray()), (text, word) => text.Replace(word, "", StringComparison.Ordinal)),
            (text, word) => text.Replace(word, Primary[0], StringComparison.Ordinal));

    /// <summary>Words for "primary" in diagnosis names, the catalogue's first.</summary>
    private static readonly string[] Primary = ["본태성", "일차성", "원발성"];

    private static ExtractedPage? Corrected(ExtractedPage page, List<List<Token>> lines, IReadOnlyList<TesseractTsv.Word> words, References references, TokenRule rule)
    {
        var blocks = page.Blocks.ToList();
        var changed = false;
        var w = 0;
        for (var b = 0; b < lines.Count; b++)
        {
            var tokens = lines[b];
            var texts = tokens.Select(t => t.Original).ToList();
            var corrections = new List<TextCorrection>();
            for (var t = 0; t < tokens.Count; t++, w++)
            {
                if (tokens[t].Text.Any(char.IsAsciiDigit) && Position(words, w) is { } position &&
                    rule(tokens[t], words, w, position, references) is { } resolved)
                {
                    texts[t] = resolved.Text;
                    corrections.Add(new TextCorrection(tokens[t].Original, resolved.Text, resolved.Reason, words[w].Box));
                }
            }

            if (corrections.Count > 0)
            {
                changed = true;
                blocks[b] = blocks[b] with { Text = string.Join(' ', texts), Corrections = [.. blocks[b].Corrections ?? [], .. corrections] };
            }
        }

        return changed ? page with { Blocks = blocks } : null;
    }

    /// <summary>
    /// Where a token stands: among codes after a code label (<see cref="CodeLetterPass.AfterCodeLabel"/>), elsewhere where
    /// only a code can (<see cref="CodeLetterPass.InCodePosition"/>), or last on its line after
    /// a name (a table row whose label the OCR garbled, <c>부진탄 。 상세불명의 편두통 643.9</c>), where the name has to agree
    /// with the clean code's over a full <see cref="SharedRun"/> (a measurement's <c>혈압 110</c> is no 고혈압), or within
    /// a row, before a name (<see cref="NameAfter"/>) or after one with more of the row after it (<c>심장병 1251 가정의학과</c>,
    /// <c>심장병!251] 30일</c>: golden dev2 set), on the same terms; null anywhere else.
    /// </summary>
    private static CodePosition? Position(IReadOnlyList<TesseractTsv.Word> words, int index)
    {
        if (CodeLetterPass.AfterCodeLabel(words, index))
        {
            return CodePosition.AmongCodes;
        }

        if (CodeLetterPass.InCodePosition(words, index))
        {
            return CodePosition.CodeOnly;
        }

        var later = words.Skip(index + 1).TakeWhile(w => w.LineKey == words[index].LineKey);
        if (!later.Any(w => w.Text.Any(char.IsLetterOrDigit)))
        {
            return NameBefore(words, index) is null ? null : CodePosition.AfterName;
        }

        return NameAfter(words, index) is null && NameBefore(words, index) is null ? null : CodePosition.WithinRow;
    }

    /// <summary>
    /// The diagnosis name right after a code (a table whose code column comes first: <c>110 본태성 고혈압 메트포르민</c>):
    /// the Hangul syllables of the words that follow on its line, marks passed over, up to the next word with a Latin
    /// letter or a digit (but a type number, <c>2형</c>), after those of a name run into the token (<c>110(본태성(일차성) 고혈압)</c>); null when fewer
    /// than <see cref="MinNameLength"/>.
    /// </summary>
    private static string? NameAfter(IReadOnlyList<TesseractTsv.Word> words, int index)
    {
        var following = words.Skip(index + 1)
            .TakeWhile(w => w.LineKey == words[index].LineKey && (TypeNumber().IsMatch(w.Text) || !w.Text.Any(c => char.IsAsciiDigit(c) || char.IsAsciiLetter(c))));
        var name = new string(KcdToken.Split(words[index].Text).Suffix.Concat(following.SelectMany(w => w.Text)).Where(Hangul.IsSyllable).ToArray());
        return name.Length >= MinNameLength ? name : null;
    }

    /// <summary>A disease's type number, part of its name (2형 당뇨병: holdout11 golden set).</summary>
    [GeneratedRegex(@"^\d형")]
    private static partial Regex TypeNumber();

    /// <summary>
    /// The diagnosis name in front of a code last on its line (Hangul syllables after the line's label), or null when
    /// there is none: a code after a code label (<c>질병분류기호:</c>) stands among other codes, not beside a name.
    /// </summary>
    private static string? NameBefore(IReadOnlyList<TesseractTsv.Word> words, int index)
    {
        // A row's department before its code names no disease (2023년 8월 25일 내과 6118 2형 당뇨병).
        if (CodeLetterPass.BetweenDepartmentAndName(words, index))
        {
            return null;
        }

        var line = words.Take(index).Where(w => w.LineKey == words[index].LineKey).Select(w => w.Text).Append(KcdToken.Split(words[index].Text).Prefix);
        var text = string.Join(' ', line);
        if (CodeLetterPass.CodeLabelCues.Any(text.Contains))
        {
            return null;
        }

        text = text[(text.LastIndexOf(':') + 1)..].TrimStart();
        var label = CodeLetterPass.DiagnosisLabels.FirstOrDefault(text.StartsWith);
        var name = new string(text[(label?.Length ?? 0)..].Where(Hangul.IsSyllable).ToArray());
        return name.Length >= MinNameLength ? name : null;
    }

    /// <summary>
    /// A block's space-separated tokens; a dot the model split off with a space is joined back to its code
    /// (<c>(611 .9)</c>), because the token is one code on the page.
    /// </summary>
    private static List<Token> Tokens(TextBlock block)
    {
        var parts = block.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var corrected = (block.Corrections ?? []).GroupBy(c => c.Corrected, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Original, StringComparer.Ordinal);
        var tokens = new List<Token>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i + 1 < parts.Length && SplitDot().IsMatch(parts[i] + " " + parts[i + 1]))
            {
                tokens.Add(new Token(parts[i] + parts[i + 1], parts[i] + " " + parts[i + 1], null));
                i++;
            }
            else
            {
                tokens.Add(new Token(parts[i], parts[i], corrected.GetValueOrDefault(parts[i])));
            }
        }

        return tokens;
    }

    /// <summary>
    /// The page's tokens as words for <see cref="CodeLetterPass.InCodePosition"/>: one line per block, each token placed
    /// in its block's box by the widths of its characters (a block keeps no word boxes).
    /// </summary>
    private static List<TesseractTsv.Word> Words(IReadOnlyList<TextBlock> blocks, List<List<Token>> lines)
    {
        var words = new List<TesseractTsv.Word>();
        for (var b = 0; b < lines.Count; b++)
        {
            var box = blocks[b].Box;
            var units = lines[b].Sum(t => t.Text.Sum(KcdToken.GlyphUnits) + 1) - 1;
            var unit = box is null ? 0 : (box.XMax - box.XMin) / Math.Max(1, units);
            var at = box?.XMin ?? 0;
            foreach (var token in lines[b])
            {
                var width = token.Text.Sum(KcdToken.GlyphUnits) * unit;
                words.Add(new TesseractTsv.Word(0, 0, b, (int)at, (int)(box?.YMin ?? 0), (int)Math.Max(1, width), (int)Math.Max(1, (box?.YMax ?? 1) - (box?.YMin ?? 0)), 0, token.Text)
                {
                    SpaceBefore = words.Count > 0 && words[^1].Line == b,
                });
                at += width + unit;
            }
        }

        return words;
    }

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    private enum CodePosition
    {
        /// <summary>After a code label, among codes.</summary>
        AmongCodes,
        CodeOnly,
        AfterName,

        /// <summary>With more of its row after it, beside a name after or before it; a bare number there may be the row's number or a count.</summary>
        WithinRow,
    }

    /// <summary>A well-formed code of the file: its digits without the dot, the diagnosis name before it (else the catalogue's), and whether an earlier correction guessed it.</summary>
    private sealed record CleanCode(string Code, string Digits, string? Name, bool Guessed);

    /// <summary>What resolves a damaged token: the file's clean codes, then the catalogue; and whether the file prints its named codes dotted.</summary>
    private sealed record References(List<CleanCode> Clean, KcdTable Catalogue, bool DottedBesideNames);

    /// <summary>A damaged token as resolved and the reason recorded.</summary>
    private sealed record Resolution(string Text, string Reason);

    /// <summary>A token as the pass reads it (<see cref="Text"/>, a split dot joined back), as the block has it, and what the OCR read before an earlier correction made it (null when none did).</summary>
    private sealed record Token(string Text, string Original, string? ReadBefore)
    {
        public bool WasCorrected => ReadBefore is not null;

        /// <summary>What the OCR's first reading gave for the token.</summary>
        public string FirstReading => ReadBefore ?? Text;
    }

    /// <summary>A dot read as a comma or doubled.</summary>
    [GeneratedRegex(@"[.,]{1,2}", RegexOptions.CultureInvariant)]
    private static partial Regex Dot();

    /// <summary>The letter read as one digit or mark (not a letter or syllable), then the code's digits.</summary>
    [GeneratedRegex(@"^[^A-Za-z\uAC00-\uD7A3\s.,](?<digits>[0-9]{2}(?:\.[0-9]{1,2}|[0-9]{1,2})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex LetterAsGlyph();

    /// <summary>A code's digits alone, undotted: the letter lost beside a name (<c>10</c>, <c>390</c>).</summary>
    [GeneratedRegex(@"^[0-9]{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Undotted();

    /// <summary>A code's digits with the dot split off by a space: <c>(611 .9)</c>, <c>611. 9</c>.</summary>
    [GeneratedRegex(@"^[(\[]?[^A-Za-z\uAC00-\uD7A3\s.,]?[0-9]{2}(?: [.,]|[.,] )[0-9]{1,2}[)\]]?$", RegexOptions.CultureInvariant)]
    private static partial Regex SplitDot();
}
