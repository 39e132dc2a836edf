using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>
/// Debian's Tesseract 5 as a child process per page: the image goes in on stdin, TSV comes out on stdout. A process
/// per page isolates crashes and runaway pages (killed at the page timeout). <c>OMP_THREAD_LIMIT=1</c> is set because
/// the OpenMP build is 4.8× slower per page without it; parallelism comes from running one page per core.
/// </summary>
public sealed class TesseractEngine(IOptions<TesseractOptions> options) : IOcrEngine
{
    private static readonly Dictionary<string, string> SingleThreaded = new() { ["OMP_THREAD_LIMIT"] = "1" };

    private TesseractOptions Settings => options.Value;

    public string Profile => $"tesseract-{Settings.Languages}-psm{Settings.PageSegmentationMode}-v1";

    public async Task<RecognizedPage> RecognizeAsync(PageImage page, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "stdin", "stdout", "-l", Settings.Languages, "--psm", Settings.PageSegmentationMode.ToString(CultureInfo.InvariantCulture),
            "-c", "tessedit_do_invert=0", "tsv",
        ];
        var tsv = await ExternalTool.RunAsync(Settings.Executable, arguments, page.Bytes, Settings.PageTimeout, cancellationToken, SingleThreaded);
        return new RecognizedPage(page.Width, page.Height, TesseractTsv.Parse(Encoding.UTF8.GetString(tsv)));
    }
}
