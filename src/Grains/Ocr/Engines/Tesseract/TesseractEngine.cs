using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Imaging;
using VNexsus.Ocr.Layout;
using VNexsus.Rules;

namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>
/// Debian's Tesseract 5 (ocr-notes.md §10):
/// <list type="number">
/// <item>the page image is decoded in-process and its table rules are erased (<see cref="TableRuleRemover"/>), keeping
/// its pixel space;</item>
/// <item>the cleaned page is read with <c>kor+eng</c>, page segmentation mode 4, giving TSV and text; a page read as
/// almost nothing legible is checked for a sideways or upside-down scan and read again turned upright
/// (<see cref="PageOrientation"/>); a table's codes read as lines of their own are put back on their rows
/// (<see cref="DetachedCodes"/>), and word boxes far narrower than their text widened (<see cref="NarrowBoxes"/>);</item>
/// <item>code-like tokens whose first letter the Korean model lost (a code it split in two words joined first:
/// <see cref="SplitCodes"/>, a closing mark it read as a code's last digit read as a bracket: <see cref="ClosingMarks"/>) are re-read in one extra call on a strip of their
/// crops with a Latin-only model (<see cref="CodeSecondPass"/>), the letters that model too read as digits where only a
/// code can stand by a letters-only model in one more (<see cref="CodeLetterPass"/>), the cells of code columns the first reading lost in
/// another (<see cref="CodeColumn"/>), damaged dates in one call with the Korean model alone and doubtful well-formed
/// ones in another (<see cref="DateSecondPass"/>), then the dates whose re-reading disputes a digit once more with the
/// main model on their crops alone, and dates written with 年月日 with a model that holds those characters
/// (<see cref="HanjaDates"/>); a page with none costs no extra call, and every change is recorded on its block.</item>
/// </list>
/// Tesseract runs in this process through libtesseract by default (<see cref="TesseractRunner.Library"/>): each pass
/// keeps initialised handles, at most one per page in flight on the silo, so models load once per worker, not per page.
/// Otherwise, or when the library cannot be loaded, each call is a child process (<see cref="TesseractProcessReader"/>).
/// Either way OpenMP is held to one thread, because the OpenMP build is 4.8× slower per page without it; parallelism
/// comes from one page per core. An image this process cannot decode always goes to the child process as it is.
/// </summary>
public sealed class TesseractEngine : IOcrEngine, IDisposable
{
    private readonly TesseractOptions settings;
    private readonly TesseractProcessReader undecodable;
    private readonly ITesseractReader main;
    private readonly ITesseractReader codes;
    private readonly ITesseractReader dates;
    private readonly ITesseractReader letters;
    private readonly ITesseractReader orientation;
    private readonly ITesseractReader? hanja;

    /// <param name="concurrentPages">Pages this silo reads at once (<see cref="OcrOptions.EffectiveConcurrentPages"/>): the handles each in-process pass may keep.</param>
    public TesseractEngine(IOptions<TesseractOptions> options, int? concurrentPages = null, ILogger<TesseractEngine>? logger = null)
    {
        settings = options.Value;
        KeyValuePair<string, string> noInvert = new("tessedit_do_invert", "0");
        TesseractPass mainPass = new(settings.Languages, settings.PageSegmentationMode, [noInvert], WithText: true);
        TesseractPass codePass = new(settings.CodeLanguages, 6, [noInvert, new("tessedit_char_whitelist", CodeSecondPass.Whitelist)], WithText: false);
        TesseractPass letterPass = new(settings.CodeLanguages, 6, [noInvert, new("tessedit_char_whitelist", CodeLetterPass.Whitelist)], WithText: false);
        TesseractPass datePass = new(settings.DateLanguages, 6, [noInvert], WithText: true);
        TesseractPass orientationPass = new("osd", TesseractPass.OrientationOnly, [], WithText: false);
        TesseractPass hanjaPass = new(settings.HanjaDateLanguages, 6, [noInvert], WithText: false);
        undecodable = new TesseractProcessReader(mainPass, settings);

        var inProcess = settings.Runner == TesseractRunner.Library && LibraryLoads(logger ?? NullLogger<TesseractEngine>.Instance);
        var capacity = concurrentPages ?? Environment.ProcessorCount;
        main = Reader(mainPass);
        codes = Reader(codePass);
        dates = Reader(datePass);
        letters = Reader(letterPass);
        orientation = Reader(orientationPass);
        if (settings.DateSecondPass && settings.HanjaDatesReadable)
        {
            hanja = Reader(hanjaPass);
        }
        else if (settings.DateSecondPass)
        {
            (logger ?? NullLogger<TesseractEngine>.Instance).LogWarning(
                "Tesseract has no model {Model} in {Directory} (apt: tesseract-ocr-chi-tra): dates written with 年月日 are not read again", settings.HanjaDateLanguages, settings.ModelDirectory);
        }

        ITesseractReader Reader(TesseractPass pass) =>
            inProcess ? new TesseractHandlePool(pass, capacity, settings.PageTimeout) : new TesseractProcessReader(pass, settings);
    }

    public string Profile =>
        $"tesseract-{settings.Languages}-psm{settings.PageSegmentationMode}{(settings.ReduceAboveDpi is { } dpi ? $"-reduce{dpi}" : "")}{(settings.RemoveTableRules ? "-rules" : "")}{(settings.CodeSecondPass ? "-kcd2" : "")}{(settings.DateSecondPass ? "-date2" : "")}{(hanja is null ? "" : "-hanja")}-v21";

    /// <summary>Whether the passes run in this process (false: a child process per call).</summary>
    public bool InProcess => main is TesseractHandlePool;

    public async Task<RecognizedPage> RecognizeAsync(PageImage page, CancellationToken cancellationToken)
    {
        // Decoding and rule removal are CPU work of tens of milliseconds: run on the thread pool, not on the caller's
        // (a grain's) scheduler.
        var image = await Task.Run(() => Prepare(page), cancellationToken);

        // An image this process cannot decode goes to the tesseract CLI as it is: Tesseract reads more formats, and says
        // itself, in a child process, when the bytes are no image at all. Such a page gets neither rule removal nor the
        // second passes.
        var words = image is null ? TesseractTsv.ParseWords(await undecodable.ReadAsync(page.Bytes, cancellationToken)) : await ReadMainAsync(image, cancellationToken);
        var (scannedWidth, scannedHeight, turn) = (image?.Width ?? 0, image?.Height ?? 0, 0);
        if (image is not null && PageOrientation.MayBeTurned(words))
        {
            (image, words, turn) = await ReadUprightAsync(image, words, cancellationToken);
        }

        words = NarrowBoxes.Widen(DetachedCodes.Place(words));

        if (image is not null && settings.CodeSecondPass)
        {
            words = await ReadCodesAgainAsync(image, words, cancellationToken);
            words = await ReadBrandsAgainAsync(image, words, cancellationToken);
        }

        if (image is not null && settings.DateSecondPass)
        {
            words = await ReadDatesAgainAsync(image, words, cancellationToken);
            words = await ReadHanjaDatesAgainAsync(image, words, cancellationToken);
        }

        return new RecognizedPage(page.Width, page.Height, TesseractTsv.ToBlocks(PageOrientation.ToScannedPage(words, turn, scannedWidth, scannedHeight)));
    }

    public void Dispose()
    {
        main.Dispose();
        codes.Dispose();
        dates.Dispose();
        letters.Dispose();
        orientation.Dispose();
        hanja?.Dispose();
    }

    private static bool LibraryLoads(ILogger logger)
    {
        if (TesseractLibrary.TryLoad(out var failure) is { } version)
        {
            logger.LogInformation("Tesseract {Version} runs in-process (libtesseract)", version);
            return true;
        }

        logger.LogWarning("Tesseract cannot run in-process ({Reason}); every page and second pass starts a tesseract process instead", failure);
        return false;
    }

    private GrayImage? Prepare(PageImage page)
    {
        var image = GrayImage.TryDecode(page.Bytes, page.MediaType);
        return image is not null && settings.RemoveTableRules ? TableRuleRemover.Remove(image).Image : image;
    }

    /// <summary>
    /// The main pass's words, in the page's pixels. When <see cref="TesseractOptions.ReduceAboveDpi"/> is set, a page finer
    /// than it is read at two thirds of its size (<see cref="GrayImage.TwoThirds"/>): the main pass is most of a page's
    /// time, and reads a 300-dpi page at 200 dpi in about a fifth less; the second passes still read their crops from the
    /// full page.
    /// </summary>
    private async Task<IReadOnlyList<TesseractTsv.Word>> ReadMainAsync(GrayImage image, CancellationToken cancellationToken)
    {
        if (settings.ReduceAboveDpi is not { } limit || TableRuleRemover.GuessDpi(image.Width, image.Height) <= limit)
        {
            return TesseractTsv.ParseWords(await main.ReadAsync(image, cancellationToken));
        }

        var words = TesseractTsv.ParseWords(await main.ReadAsync(image.TwoThirds(), cancellationToken));
        return words.Select(w => w.Scaled(3, 2)).ToList();
    }

    /// <summary>The page turned upright and read again when the orientation pass names a turn and the turned page reads better (<see cref="PageOrientation"/>).</summary>
    private async Task<(GrayImage Image, IReadOnlyList<TesseractTsv.Word> Words, int Turn)> ReadUprightAsync(GrayImage image, IReadOnlyList<TesseractTsv.Word> words, CancellationToken cancellationToken)
    {
        var turn = PageOrientation.UprightTurn(await orientation.ReadAsync(image, cancellationToken));
        if (turn == 0)
        {
            return (image, words, 0);
        }

        var turned = image.Turned(turn);
        var read = await ReadMainAsync(turned, cancellationToken);
        return PageOrientation.ReadsBetter(read, words) ? (turned, read, turn) : (image, words, 0);
    }

    private async Task<IReadOnlyList<TesseractTsv.Word>> ReadDatesAgainAsync(GrayImage image, IReadOnlyList<TesseractTsv.Word> words, CancellationToken cancellationToken)
    {
        words = DateSecondPass.RestoreUnitSpacing(DateSecondPass.JoinSplitShortDates(DateSecondPass.RestoreShortColons(DateSecondPass.SeparateGluedCodes(words))));
        var shortDates = DateSecondPass.FindShortSuspects(words);
        var shortReadings = await ReadRegionsAsync(dates, image, words, shortDates, halved: false, cancellationToken);
        words = DateSecondPass.ApplyShort(words, shortDates, shortReadings);

        // Damaged and doubtful dates are read in separate strips: Tesseract sizes the text of a strip from all its lines, and
        // the doubtful dates' lines changed the readings of damaged ones.
        var spans = DateSecondPass.FindSuspects(words);
        var doubtful = spans.Where(s => s.IsDoubtful).ToList();
        var damagedReadings = await ReadRegionsAsync(dates, image, words, spans.Where(s => !s.IsDoubtful).ToList(), halved: false, cancellationToken);
        var doubtfulReadings = await ReadRegionsAsync(dates, image, words, doubtful, halved: false, cancellationToken);
        var checks = await ReadRegionsAsync(main, image, words, DateSecondPass.Disputed(doubtful, doubtfulReadings), halved: false, cancellationToken);

        // What neither re-reading resolved is read once more at half the size: the model reads a line at another scale
        // differently (2×2 averaging closes broken strokes and quiets noise), and the same rules decide what is accepted.
        var retried = await ReadRegionsAsync(
            dates, image, words, [.. DateSecondPass.UnresolvedShort(shortDates, shortReadings), .. DateSecondPass.Unresolved(spans, damagedReadings)], halved: true, cancellationToken);
        words = DateSecondPass.ApplyShort(words, shortDates, retried);
        return DateSecondPass.Apply(words, spans, damagedReadings.Concat(doubtfulReadings).ToDictionary(), retried, checks);
    }

    private static async Task<IReadOnlyDictionary<int, string>> ReadRegionsAsync(
        ITesseractReader reader, GrayImage image, IReadOnlyList<TesseractTsv.Word> words, IReadOnlyList<DateSecondPass.Span> spans, bool halved, CancellationToken cancellationToken)
    {
        var strip = RegionStrip.Build(image, DateSecondPass.Regions(words, spans), halved);
        return strip is null
            ? new Dictionary<int, string>()
            : DateSecondPass.Readings(strip, TesseractTsv.ParseWords(await reader.ReadAsync(strip.Image, cancellationToken)));
    }

    private async Task<IReadOnlyList<TesseractTsv.Word>> ReadHanjaDatesAgainAsync(GrayImage image, IReadOnlyList<TesseractTsv.Word> words, CancellationToken cancellationToken)
    {
        if (hanja is null)
        {
            return words;
        }

        var spans = HanjaDates.FindSuspects(words);
        return spans.Count == 0 ? words : HanjaDates.Apply(words, spans, await ReadRegionsAsync(hanja, image, words, spans, halved: false, cancellationToken));
    }

    private async Task<IReadOnlyList<TesseractTsv.Word>> ReadBrandsAgainAsync(GrayImage image, IReadOnlyList<TesseractTsv.Word> words, CancellationToken cancellationToken) =>
        RegionStrip.Build(image, BrandPrefixes.Regions(words, BrandPrefixes.FindSuspects(words, RuleData.Default.Hospitals.Data.Suffixes))) is { } strip
            ? BrandPrefixes.Apply(words, strip, TesseractTsv.ParseWords(await codes.ReadAsync(strip.Image, cancellationToken)))
            : words;

    private async Task<IReadOnlyList<TesseractTsv.Word>> ReadCodesAgainAsync(GrayImage image, IReadOnlyList<TesseractTsv.Word> page, CancellationToken cancellationToken)
    {
        var (words, joins) = SplitCodes.Join(ClosingMarks.Read(image, page));
        var suspects = CodeSecondPass.FindSuspects(words, joins.Keys.ToList());
        if (CodeSecondPass.SuspectStrip(image, words, suspects) is { } strip)
        {
            var read = TesseractTsv.ParseWords(await codes.ReadAsync(strip.Image, cancellationToken));
            var latin = CodeSecondPass.TokenReadings(words, strip, read);
            words = CodeSecondPass.Apply(words, strip, read);
            if (RegionStrip.Build(image, CodeLetterPass.Regions(words, CodeLetterPass.FindSuspects(words, latin), image)) is { } letterStrip)
            {
                words = CodeLetterPass.Apply(words, latin, letterStrip, TesseractTsv.ParseWords(await letters.ReadAsync(letterStrip.Image, cancellationToken)));
            }
        }

        if (CodeSecondPass.CellStrip(image, words, suspects) is { } cells)
        {
            var read = TesseractTsv.ParseWords(await codes.ReadAsync(cells.Image, cancellationToken));
            var cellLetters = RegionStrip.Build(image, CodeSecondPass.LetterRegions(image, cells, read)) is { } letterStrip
                ? CodeSecondPass.CellLetters(cells, read, letterStrip, TesseractTsv.ParseWords(await letters.ReadAsync(letterStrip.Image, cancellationToken)))
                : null;
            words = CodeSecondPass.Apply(words, cells, read, cellLetters);
        }

        return SplitCodes.Restore(words, joins);
    }
}
