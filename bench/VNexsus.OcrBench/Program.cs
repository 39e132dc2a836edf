using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VNexsus.Ocr;
using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Inspection;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Rendering;
using VNexsus.OcrBench;
using VNexsus.Rules;
using VNexsus.Storage;

// bench/ocr: the scanned-record accuracy and speed set. For each profile of a synthetic corpus (bench/ocr-corpus),
// (a) VNexsus's Tesseract path: PageRasterizer + TesseractEngine (rule removal, psm 4, KCD second pass), one page per core,
//     then the file-level code pass over all pages as one document (SameFileCodes), as DocumentExtractor.Complete runs it;
// (b) raw tesseract with the same basic settings on the same page images (rendered before timing), 2 processes at a time;
// (c) ocrmypdf -l kor+eng --jobs 2 on the same PDF, when installed.
// Besides wall-clock pages/s, the CPU seconds each engine spends per page (CpuTime): on a shared machine the neighbours'
// load moves the first, hardly the second.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var corpus = Arg("--corpus") ?? throw new ArgumentException("--corpus DIR (made by bench/ocr-corpus/generate.py) is required");
var profiles = (Arg("--profiles") ?? "clean,light,heavy").Split(',');
var skipOcrmypdf = args.Contains("--no-ocrmypdf");
var dump = Arg("--dump");
// --misses: after the table, every expected code and date VNexsus did not give verbatim, with what it read there, and
// every code the file-level pass changed (kcd-same-file, kcd-name), to check that none is false.
var listMisses = args.Contains("--misses");
var misses = new List<string>();
var fileCorrections = new List<string>();
// The machine is shared and its load swings within seconds: each engine runs this many times, interleaved with the
// others, and its fastest run counts (the text is the same every run).
var rounds = int.Parse(Arg("--rounds") ?? "3", CultureInfo.InvariantCulture);
var workers = int.Parse(Arg("--workers") ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
var tesseract = new TesseractOptions { ReduceAboveDpi = Arg("--reduce-above-dpi") is { } dpi ? int.Parse(dpi, CultureInfo.InvariantCulture) : null };
var ocrmypdfPath = skipOcrmypdf ? null : Which("ocrmypdf");
var report = new StringBuilder();
var rows = new List<string[]>();
var ratios = new List<string>();

Console.Error.WriteLine($"ocr bench: corpus {corpus}, {workers} VNexsus worker(s), best of {rounds} interleaved runs, ocrmypdf {(ocrmypdfPath ?? (skipOcrmypdf ? "skipped (--no-ocrmypdf)" : "skipped (not installed)"))}");
foreach (var profile in profiles)
{
    var folder = Path.Combine(corpus, profile);
    var truth = Truth.Load(Path.Combine(folder, "truth.json"));
    Console.Error.WriteLine($"  {profile}: {truth.Count} pages");

    using var rendered = await PreRenderAsync(Path.Combine(folder, "scan.pdf"), truth.Count);
    Run? ours = null, raw = null, peer = null;
    for (var round = 0; round < rounds; round++)
    {
        ours = Faster(ours, await RunVNexsusAsync(Path.Combine(folder, "scan.pdf"), truth.Count, workers, tesseract));
        raw = Faster(raw, await RunRawTesseractAsync(rendered.Path, truth.Count));
        peer = ocrmypdfPath is null ? null : Faster(peer, await RunOcrmypdfAsync(ocrmypdfPath, Path.Combine(folder, "scan.pdf"), truth.Count));
    }

    if (ours is null || raw is null)
    {
        throw new ArgumentException("--rounds must be at least 1");
    }

    foreach (var (name, run) in new[] { ("VNexsus", ours), ("raw tesseract ×2", raw), ("ocrmypdf --jobs 2", peer) })
    {
        if (run is null)
        {
            rows.Add([profile, name, "skipped", "", "", "", "", "", ""]);
            continue;
        }

        var score = Score.Of(truth, run.Pages);
        if (dump is not null)
        {
            Directory.CreateDirectory(dump);
            for (var i = 0; i < run.Pages.Length; i++)
            {
                File.WriteAllText(Path.Combine(dump, $"{profile}-p{i + 1:00}-{name.Split(' ')[0]}.txt"), run.Pages[i]);
            }
        }

        rows.Add([profile, name, $"{truth.Count / run.Seconds:0.00}", $"{run.Seconds:0.0}", $"{run.CpuSeconds / truth.Count:0.00}", $"{score.Cer:P1}", $"{score.Dates}/{score.DateTotal} ({score.DateShare:P0})",
            $"{score.Codes}/{score.CodeTotal} ({score.CodeShare:P0})", name == "VNexsus" ? ours.Corrections.ToString(CultureInfo.InvariantCulture) : ""]);
    }

    if (listMisses)
    {
        misses.AddRange(truth.SelectMany((t, i) => Misses.Of(t.Number, t.Lines, t.Dates, t.Codes, ours.Pages[i]))
            .Select(m => $"{profile} p{m.Page:00} {m.Kind} {m.Expected}: truth «{m.TruthLine}» | read «{m.OcrLine}»"));
        fileCorrections.AddRange(ours.FileCorrections.Select(c => $"{profile} {c}"));
    }

    var s = Score.Of(truth, ours.Pages);
    var r = Score.Of(truth, raw.Pages);
    var line = $"{profile}: VNexsus/raw speed {raw.Seconds / ours.Seconds:0.00}× (CPU per page {raw.CpuSeconds / ours.CpuSeconds:0.00}×), CER {s.Cer:P1} vs {r.Cer:P1}, dates {s.DateShare:P0} vs {r.DateShare:P0}, codes {s.CodeShare:P0} vs {r.CodeShare:P0}";
    if (peer is not null)
    {
        var p = Score.Of(truth, peer.Pages);
        line += $"; VNexsus/ocrmypdf speed {peer.Seconds / ours.Seconds:0.00}× (CPU per page {peer.CpuSeconds / ours.CpuSeconds:0.00}×), CER {s.Cer:P1} vs {p.Cer:P1}, dates {s.DateShare:P0} vs {p.DateShare:P0}, codes {s.CodeShare:P0} vs {p.CodeShare:P0}";
    }

    ratios.Add(line);
}

string[] header = ["profile", "engine", "pages/s", "wall s", "CPU s/page", "CER", "dates verbatim", "KCD codes verbatim", "corrections"];
var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
Console.WriteLine(string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))));
Console.WriteLine(string.Join("-|-", widths.Select(w => new string('-', w))));
foreach (var row in rows)
{
    Console.WriteLine(string.Join(" | ", row.Select((c, i) => c.PadRight(widths[i]))));
}

Console.WriteLine();
Console.WriteLine($"machine: {Environment.ProcessorCount} cores; ratios (>1× means VNexsus is faster; CPU per page: the other engine's CPU seconds per page over VNexsus's):");
foreach (var line in ratios)
{
    Console.WriteLine(line);
}

if (listMisses)
{
    Console.WriteLine();
    Console.WriteLine($"VNexsus misses ({misses.Count}):");
    foreach (var miss in misses)
    {
        Console.WriteLine(miss);
    }

    Console.WriteLine();
    Console.WriteLine($"VNexsus file-level code corrections ({fileCorrections.Count}):");
    foreach (var correction in fileCorrections)
    {
        Console.WriteLine(correction);
    }
}

return 0;

static Run? Faster(Run? best, Run? next) => best is null || (next is not null && next.Seconds < best.Seconds) ? next : best;

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static string? Which(string tool) =>
    (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

static async Task<Run> RunVNexsusAsync(string pdf, int pageCount, int workers, TesseractOptions tesseract)
{
    using var temp = new TempDir();
    var bytes = await File.ReadAllBytesAsync(pdf);
    var data = new DataDirectory(temp.Path);
    var sha = ContentHash.Of(bytes);
    var blob = ContentHash.ShardedPath(data.Blobs, sha);
    Directory.CreateDirectory(Path.GetDirectoryName(blob)!);
    await File.WriteAllBytesAsync(blob, bytes);
    var document = new DocumentRef(sha, DocumentKind.Pdf, bytes.Length);
    var rasterizer = new PageRasterizer(new BlobStore(data), new DocumentLimits());
    using var engine = new TesseractEngine(Options.Create(tesseract), workers);
    var recognizedPages = new ExtractedPage[pageCount];

    // Warm-up, not timed: a silo has its code compiled and every worker's Tesseract handles open (one per pass, models
    // loaded) long before a page comes in. So each worker reads a whole page first, with every pass that page needs.
    await Task.WhenAll(Enumerable.Range(1, Math.Min(workers, pageCount)).Select(async page =>
        await engine.RecognizeAsync(await rasterizer.RenderAsync(document, page, CancellationToken.None), CancellationToken.None)));

    var cpu = CpuTime.OfThisProcess() + CpuTime.OfEndedChildren();
    var started = Stopwatch.GetTimestamp();
    await Parallel.ForEachAsync(Enumerable.Range(1, pageCount), new ParallelOptions { MaxDegreeOfParallelism = workers }, async (page, token) =>
    {
        var t0 = Stopwatch.GetTimestamp();
        var image = await rasterizer.RenderAsync(document, page, token);
        var t1 = Stopwatch.GetTimestamp();
        var recognized = await engine.RecognizeAsync(image, token);
        if (Environment.GetEnvironmentVariable("OCRBENCH_TRACE") is not null)
        {
            Console.Error.WriteLine($"    page {page}: render {Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds:0} ms, recognise {Stopwatch.GetElapsedTime(t1).TotalMilliseconds:0} ms");
        }

        recognizedPages[page - 1] = new ExtractedPage(page, recognized.Width, recognized.Height, PageTextSource.Ocr, recognized.Blocks, "scan");
    });

    // The scan is one document: as the product does once all its pages are read (DocumentExtractor.Complete).
    var read = SameFileCodes.Apply(recognizedPages, RuleData.Default.Kcd);
    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var pages = read.Select(p => p.Text).ToArray();
    var corrections = read.Sum(p => p.Blocks.Sum(b => b.Corrections?.Count ?? 0));
    var fileLevel = read.SelectMany(p => p.Blocks.SelectMany(b => (b.Corrections ?? [])
            .Where(c => c.Reason is SameFileCodes.Reason or SameFileCodes.NameReason)
            .Select(c => $"p{p.Page:00} «{c.Original}» -> «{c.Corrected}» ({c.Reason}) in «{b.Text}»")))
        .ToList();
    return new Run(pages, seconds, CpuTime.OfThisProcess() + CpuTime.OfEndedChildren() - cpu, corrections, fileLevel);
}

// The page images VNexsus's rasteriser produces (the embedded JPEG of a scan, pdftoppm's PGM otherwise), written once
// before the raw baseline is timed, so both read the same pixels.
static async Task<TempDir> PreRenderAsync(string pdf, int pageCount)
{
    var temp = new TempDir();
    using var store = new TempDir();
    var bytes = await File.ReadAllBytesAsync(pdf);
    var data = new DataDirectory(store.Path);
    var sha = ContentHash.Of(bytes);
    var blob = ContentHash.ShardedPath(data.Blobs, sha);
    Directory.CreateDirectory(Path.GetDirectoryName(blob)!);
    await File.WriteAllBytesAsync(blob, bytes);
    var rasterizer = new PageRasterizer(new BlobStore(data), new DocumentLimits());
    for (var page = 1; page <= pageCount; page++)
    {
        var image = await rasterizer.RenderAsync(new DocumentRef(sha, DocumentKind.Pdf, bytes.Length), page, CancellationToken.None);
        var extension = image.MediaType switch { ImageHeader.Jpeg => "jpg", ImageHeader.Png => "png", _ => "pgm" };
        await File.WriteAllBytesAsync(Path.Combine(temp.Path, $"p{page:000}.{extension}"), image.Bytes);
    }

    return temp;
}

static async Task<Run> RunRawTesseractAsync(string folder, int pageCount)
{
    var images = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
    var pages = new string[pageCount];
    var environment = new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" };
    var cpu = CpuTime.OfEndedChildren();
    var started = Stopwatch.GetTimestamp();
    await Parallel.ForEachAsync(Enumerable.Range(0, pageCount), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, token) =>
    {
        string[] arguments = [images[i], "stdout", "-l", "kor+eng", "--psm", "4", "-c", "tessedit_do_invert=0"];
        pages[i] = Encoding.UTF8.GetString(await ExternalTool.RunAsync("tesseract", arguments, null, new ToolLimits(TimeSpan.FromMinutes(5)), token, environment));
    });
    return new Run(pages, Stopwatch.GetElapsedTime(started).TotalSeconds, CpuTime.OfEndedChildren() - cpu, 0, []);
}

static async Task<Run?> RunOcrmypdfAsync(string ocrmypdf, string pdf, int pageCount)
{
    using var temp = new TempDir();
    var output = Path.Combine(temp.Path, "out.pdf");
    var cpu = CpuTime.OfEndedChildren();
    var started = Stopwatch.GetTimestamp();
    try
    {
        await ExternalTool.RunAsync(ocrmypdf, ["-q", "-l", "kor+eng", "--jobs", "2", pdf, output], null, new ToolLimits(TimeSpan.FromMinutes(10)), CancellationToken.None);
    }
    catch (OcrEngineException error)
    {
        Console.Error.WriteLine($"  ocrmypdf failed: {error.Message}");
        return null;
    }

    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var cpuSeconds = CpuTime.OfEndedChildren() - cpu;
    var text = Encoding.UTF8.GetString(await ExternalTool.RunAsync("pdftotext", ["-layout", output, "-"], null, new ToolLimits(TimeSpan.FromMinutes(1)), CancellationToken.None));
    var pages = text.Split('\f');
    return new Run(Enumerable.Range(0, pageCount).Select(i => i < pages.Length ? pages[i] : "").ToArray(), seconds, cpuSeconds, 0, []);
}

/// <param name="CpuSeconds">CPU time of the run: this process's and its ended children's for VNexsus, the children's for the others.</param>
internal sealed record Run(string[] Pages, double Seconds, double CpuSeconds, int Corrections, IReadOnlyList<string> FileCorrections);

internal sealed record Score(double Cer, int Dates, int DateTotal, int Codes, int CodeTotal)
{
    public double DateShare => DateTotal == 0 ? 1 : (double)Dates / DateTotal;

    public double CodeShare => CodeTotal == 0 ? 1 : (double)Codes / CodeTotal;

    public static Score Of(IReadOnlyList<Truth.Page> truth, string[] pages)
    {
        long distance = 0, length = 0;
        int dates = 0, codes = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var expected = Metrics.Normalize(string.Join('\n', truth[i].Lines));
            var actual = Metrics.Normalize(pages[i]);
            distance += Metrics.Distance(actual, expected);
            length += expected.Length;
            dates += Metrics.FoundVerbatim(actual, truth[i].Dates);
            codes += Metrics.FoundVerbatim(actual, truth[i].Codes);
        }

        return new Score((double)distance / length, dates, truth.Sum(t => t.Dates.Count), codes, truth.Sum(t => t.Codes.Count));
    }
}

internal static class Truth
{
    public sealed record Page(int Number, string Image, IReadOnlyList<string> Lines, IReadOnlyList<string> Dates, IReadOnlyList<string> Codes);

    public static IReadOnlyList<Page> Load(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        return json.RootElement.GetProperty("pages").EnumerateArray().Select(p => new Page(
            p.GetProperty("page").GetInt32(),
            p.GetProperty("image").GetString()!,
            Strings(p.GetProperty("lines")),
            Strings(p.GetProperty("dates")),
            Strings(p.GetProperty("codes")))).ToList();

        static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}

internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("vnexsus-ocrbench-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
