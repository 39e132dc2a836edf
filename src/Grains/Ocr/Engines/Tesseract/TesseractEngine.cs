using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Imaging;

namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>
/// Debian's Tesseract 5 as a child process per page (ocr-notes.md §10):
/// <list type="number">
/// <item>the page image is decoded in-process and its table rules are erased (<see cref="TableRuleRemover"/>), keeping
/// its pixel space;</item>
/// <item>the cleaned page goes to <c>tesseract -l kor+eng --psm 4</c> on stdin as PGM (cheap to encode; never PNG) and
/// TSV comes out on stdout;</item>
/// <item>code-like tokens whose first letter the Korean model lost are re-read in one extra call on a strip of their
/// crops with a Latin-only model (<see cref="CodeSecondPass"/>), and damaged dates in one call with the Korean model alone
/// (<see cref="DateSecondPass"/>); a page with neither costs no extra call, and every change is recorded on its block.</item>
/// </list>
/// A process per page isolates crashes and runaway pages (killed at the page timeout). <c>OMP_THREAD_LIMIT=1</c> is set
/// because the OpenMP build is 4.8× slower per page without it; parallelism comes from running one page per core.
/// </summary>
public sealed class TesseractEngine(IOptions<TesseractOptions> options) : IOcrEngine
{
    private static readonly Dictionary<string, string> SingleThreaded = new() { ["OMP_THREAD_LIMIT"] = "1" };

    private TesseractOptions Settings => options.Value;

    public string Profile =>
        $"tesseract-{Settings.Languages}-psm{Settings.PageSegmentationMode}{(Settings.RemoveTableRules ? "-rules" : "")}{(Settings.CodeSecondPass ? "-kcd2" : "")}{(Settings.DateSecondPass ? "-date2" : "")}-v3";

    public async Task<RecognizedPage> RecognizeAsync(PageImage page, CancellationToken cancellationToken)
    {
        // An image this process cannot decode goes to Tesseract as it is: Tesseract reads more formats, and says itself
        // when the bytes are no image at all. Such a page gets neither rule removal nor the second pass.
        // Decoding and rule removal are CPU work of tens of milliseconds: run on the thread pool, not on the caller's
        // (a grain's) scheduler.
        var image = Settings.RemoveTableRules || Settings.CodeSecondPass || Settings.DateSecondPass
            ? await Task.Run(() => Prepare(page), cancellationToken)
            : null;

        string[] arguments =
        [
            "stdin", "stdout", "-l", Settings.Languages, "--psm", Settings.PageSegmentationMode.ToString(CultureInfo.InvariantCulture),
            "-c", "tessedit_do_invert=0", "tsv", "txt",
        ];
        var tsv = await ExternalTool.RunAsync(Settings.Executable, arguments, image?.ToPgm() ?? page.Bytes, Settings.Limits, cancellationToken, SingleThreaded);
        var words = TesseractTsv.ParseWords(Encoding.UTF8.GetString(tsv));
        if (image is not null && Settings.CodeSecondPass)
        {
            words = await ReadCodesAgainAsync(image, words, cancellationToken);
        }

        if (image is not null && Settings.DateSecondPass)
        {
            words = await ReadDatesAgainAsync(image, words, cancellationToken);
        }

        return new RecognizedPage(page.Width, page.Height, TesseractTsv.ToBlocks(words));
    }

    private GrayImage? Prepare(PageImage page)
    {
        var image = GrayImage.TryDecode(page.Bytes, page.MediaType);
        return image is not null && Settings.RemoveTableRules ? TableRuleRemover.Remove(image).Image : image;
    }

    private async Task<IReadOnlyList<TesseractTsv.Word>> ReadDatesAgainAsync(GrayImage image, IReadOnlyList<TesseractTsv.Word> words, CancellationToken cancellationToken)
    {
        var spans = DateSecondPass.FindSuspects(words);
        var strip = RegionStrip.Build(image, DateSecondPass.Regions(words, spans));
        if (strip is null)
        {
            return words;
        }

        string[] arguments = ["stdin", "stdout", "-l", Settings.DateLanguages, "--psm", "6", "-c", "tessedit_do_invert=0", "tsv", "txt"];
        var tsv = await ExternalTool.RunAsync(Settings.Executable, arguments, strip.Image.ToPgm(), Settings.Limits, cancellationToken, SingleThreaded);
        return DateSecondPass.Apply(words, spans, strip, TesseractTsv.ParseWords(Encoding.UTF8.GetString(tsv)));
    }

    private async Task<IReadOnlyList<TesseractTsv.Word>> ReadCodesAgainAsync(GrayImage image, IReadOnlyList<TesseractTsv.Word> words, CancellationToken cancellationToken)
    {
        var strip = CodeSecondPass.BuildStrip(image, words, CodeSecondPass.FindSuspects(words));
        if (strip is null)
        {
            return words;
        }

        string[] arguments =
        [
            "stdin", "stdout", "-l", Settings.CodeLanguages, "--psm", "6",
            "-c", "tessedit_do_invert=0", "-c", $"tessedit_char_whitelist={CodeSecondPass.Whitelist}",
            // Codes are no English words: the word lists are no help to this pass, and loading them (3.7 MB for eng) is
            // most of the pass's start-up.
            "-c", "load_system_dawg=0", "-c", "load_freq_dawg=0", "tsv",
        ];
        var tsv = await ExternalTool.RunAsync(Settings.Executable, arguments, strip.Image.ToPgm(), Settings.Limits, cancellationToken, SingleThreaded);
        return CodeSecondPass.Apply(words, strip, TesseractTsv.ParseWords(Encoding.UTF8.GetString(tsv)));
    }
}
