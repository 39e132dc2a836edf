using System.Diagnostics;
using VNexsus.Ocr;

namespace VNexsus.Bench;

public sealed record ThroughputRow(string Engine, Stats MillisecondsPerDocument, int Pages)
{
    public double TimedSeconds => MillisecondsPerDocument.Sum / 1000.0;

    public double MedianPagesPerSecond => Pages / (MillisecondsPerDocument.Median / 1000.0);

    public double BestPagesPerSecond => Pages / (MillisecondsPerDocument.Min / 1000.0);
}

public sealed record TextLayerResult(int Pages, long Bytes, int Copies, string ConcatenatedWith, ThroughputRow VNexsus, ThroughputRow PdfToText, Stats PdfToTextStartup);

/// <summary>
/// (a) Pages per second of <see cref="PdfTextLayerReader.Read"/> in this process, warm, against <c>pdftotext -layout</c>
/// (one process per document, start-up included: that is what calling it would cost) on the same concatenated PDF.
/// The two alternate in rounds, so load from elsewhere on the machine weighs on both.
/// </summary>
public static class TextLayerBench
{
    public static async Task<TextLayerResult> RunAsync(string fixture, int copies, BenchOptions options, string workDir, CancellationToken cancellationToken)
    {
        var pdftotext = Tools.Require("pdftotext", "install poppler-utils");
        var (bigPdf, tool) = await ConcatenateAsync(fixture, copies, workDir, cancellationToken);
        var bytes = await File.ReadAllBytesAsync(bigPdf, cancellationToken);
        var expectedPages = CountPages(bytes);
        if (expectedPages != copies * CountPages(await File.ReadAllBytesAsync(fixture, cancellationToken)))
        {
            throw new BenchFailure($"{tool} made a PDF of {expectedPages} pages from {copies} copies of the fixture.");
        }

        var output = Path.Combine(workDir, "pdftotext.txt");
        string[] arguments = ["-layout", bigPdf, output];
        await Tools.RunAsync(pdftotext, arguments, cancellationToken); // warm the page cache and the binary
        var formFeeds = (await File.ReadAllTextAsync(output, cancellationToken)).Count(c => c == '\f');
        if (formFeeds != expectedPages)
        {
            throw new BenchFailure($"pdftotext wrote {formFeeds} pages, PdfPig read {expectedPages}: they did not read the same document.");
        }

        Progress.Say($"text layer: {expectedPages}-page PDF ({Fmt.Kb(bytes.Length)}), warming VNexsus for {options.TextLayerWarmUp.TotalSeconds:0.#} s");
        var warm = Stopwatch.StartNew();
        for (var run = 0; run < 3 || warm.Elapsed < options.TextLayerWarmUp; run++)
        {
            ReadOnce(bytes, expectedPages); // JIT through all tiers, PdfPig's font and encoding tables
        }

        // Interleaved rounds, so that whatever else the machine is doing weighs on both engines alike.
        Progress.Say($"text layer: {options.TextLayerRounds} rounds of pdftotext -layout, pdftotext -v and ≥ {options.TextLayerMinimum.TotalSeconds / options.TextLayerRounds:0.00} s of VNexsus");
        var slice = options.TextLayerMinimum / options.TextLayerRounds;
        var vnexsus = new List<double>();
        var pdfToText = new List<double>();
        var startup = new List<double>();
        for (var round = 0; round < options.TextLayerRounds; round++)
        {
            pdfToText.Add((await Tools.RunAsync(pdftotext, arguments, cancellationToken)).TotalMilliseconds);

            // Start-up alone, to read the pdftotext row: how much of its time is the process rather than the pages.
            startup.Add((await Tools.RunAsync(pdftotext, ["-v"], cancellationToken)).TotalMilliseconds);

            var sliceClock = Stopwatch.StartNew();
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                ReadOnce(bytes, expectedPages);
                vnexsus.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            while (sliceClock.Elapsed < slice);
        }

        return new TextLayerResult(
            expectedPages,
            bytes.Length,
            copies,
            tool,
            new ThroughputRow("VNexsus PdfTextLayerReader.Read", new Stats(vnexsus), expectedPages),
            new ThroughputRow("pdftotext -layout (own process)", new Stats(pdfToText), expectedPages),
            new Stats(startup));
    }

    private static void ReadOnce(byte[] pdf, int expectedPages)
    {
        using var stream = new MemoryStream(pdf, writable: false);
        var pages = PdfTextLayerReader.Read(stream);
        if (pages.Count != expectedPages || pages.Any(p => p.Source != PageTextSource.TextLayer))
        {
            throw new BenchFailure($"PdfTextLayerReader read {pages.Count} pages ({pages.Count(p => p.Source == PageTextSource.TextLayer)} from the text layer), expected {expectedPages} text pages.");
        }
    }

    private static int CountPages(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf, writable: false);
        return PdfTextLayerReader.Read(stream).Count;
    }

    /// <summary>The fixture <paramref name="copies"/> times over, with qpdf if installed, else poppler's pdfunite.</summary>
    private static async Task<(string Path, string Tool)> ConcatenateAsync(string fixture, int copies, string workDir, CancellationToken cancellationToken)
    {
        var output = Path.Combine(workDir, $"fixture-x{copies}.pdf");
        var inputs = Enumerable.Repeat(fixture, copies).ToList();
        if (Tools.Find("qpdf") is { } qpdf)
        {
            // Exit code 3: succeeded with warnings.
            await Tools.RunAsync(qpdf, ["--empty", "--pages", .. inputs, "--", output], cancellationToken, 3);
            return (output, "qpdf");
        }

        var pdfunite = Tools.Require("pdfunite", "install qpdf or poppler-utils");
        await Tools.RunAsync(pdfunite, [.. inputs, output], cancellationToken);
        return (output, "pdfunite");
    }
}
