using System.Diagnostics;
using System.Globalization;
using VNexsus.Accuracy;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Rules;
using VNexsus.Rules.Events;

// bench/accuracy: scores the rule engine per case kind and overall on the golden set it was developed on ("tuned") and,
// separately, on the holdout set it was not tuned on, and measures rule-engine throughput (pages of text per second on
// one core) on the long-record case.
// --scanned clean|light|heavy[,...]: the same cases read from scans of their PDFs (image-only, degraded as the OCR
// corpus's profile; ScanCopies) through the silo's extraction and Tesseract path (ScannedReader), scored against the same
// expectations beside the text-layer score of the same cases. --max-pages N skips cases of more pages in scanned mode
// (default 60, 0 = none skipped); --workers N pages at once (default: the core count); --dump DIR writes the text read
// from every scanned document; --reduce-above-dpi N reads pages finer than N dpi reduced (TesseractOptions.ReduceAboveDpi).
// Usage: [--cases DIR] [--misses] [--runs N] [--scanned PROFILES] [--max-pages N] [--workers N] [--dump DIR] [--reduce-above-dpi N]
List<(string Name, string Folder)>? folders = null;
var showMisses = false;
var runs = 20;
var profiles = new List<string>();
var maxPages = 60;
var workers = Environment.ProcessorCount;
string? dump = null;
int? reduceAboveDpi = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--cases": folders = [(Path.GetFileName(Path.TrimEndingDirectorySeparator(args[++i])), args[i])]; break;
        case "--misses": showMisses = true; break;
        case "--runs": runs = Number(args[++i]); break;
        case "--scanned": profiles.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries)); break;
        case "--max-pages": maxPages = Number(args[++i]); break;
        case "--workers": workers = Number(args[++i]); break;
        case "--dump": dump = args[++i]; break;
        case "--reduce-above-dpi": reduceAboveDpi = Number(args[++i]); break;
        default:
            Console.Error.WriteLine("usage: accuracy [--cases DIR] [--misses] [--runs N] [--scanned clean|light|heavy[,...]] [--max-pages N] [--workers N] [--dump DIR] [--reduce-above-dpi N]");
            return 2;
    }
}

if (profiles.FirstOrDefault(p => !ScanCopies.Profiles.Contains(p)) is { } unknown)
{
    Console.Error.WriteLine($"accuracy: unknown scan profile \"{unknown}\" (expected {string.Join(", ", ScanCopies.Profiles)})");
    return 2;
}

folders ??=
[
    ("tuned", GoldenSet.FindCasesFolder(Environment.CurrentDirectory)),
    ("holdout", GoldenSet.FindCasesFolder(Environment.CurrentDirectory, GoldenSet.Holdout)),
];
var engine = RuleEngine.Default;
var sets = folders.Select(f => (f.Name, f.Folder, Cases: GoldenSet.Load(f.Folder))).ToList();

if (profiles.Count > 0)
{
    foreach (var profile in profiles)
    {
        var copies = new ScanCopies(profile, ScanCopies.DefaultCacheFolder, Environment.CurrentDirectory);
        using var reader = new ScannedReader(copies, workers, new TesseractOptions { ReduceAboveDpi = reduceAboveDpi });
        foreach (var (name, folder, cases) in sets)
        {
            await ScoreScannedAsync(name, folder, cases, profile, copies, reader);
        }
    }

    return 0;
}

foreach (var (name, folder, cases) in sets)
{
    var perCase = cases.Select(golden => (Case: golden, Score: Scorer.Evaluate(engine, golden).Score)).ToList();
    Console.WriteLine($"Golden set \"{name}\": {cases.Count} cases, {folder}");
    PrintTable(perCase.GroupBy(c => c.Case.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new Row(g.Key, null, g.Count(), Sum(g.Select(c => c.Score))))
        .Append(new Row("OVERALL", null, cases.Count, Sum(perCase.Select(c => c.Score)))));
    PrintWorst(perCase);
    if (showMisses)
    {
        foreach (var miss in perCase.SelectMany(c => c.Score.Misses))
        {
            Console.WriteLine("  " + miss);
        }
    }

    Console.WriteLine();
}

// Throughput: the rules alone (no PDF parsing), one thread, on the longest case.
var longest = sets.SelectMany(s => s.Cases).OrderByDescending(c => c.Read().Sum(d => d.Pages.Count)).First();
var documents = longest.Read();
var pages = documents.Sum(d => d.Pages.Count);
// Warm up (JIT tiering) for two seconds, then measure.
var warm = Stopwatch.StartNew();
while (warm.Elapsed < TimeSpan.FromSeconds(2))
{
    GoldenSet.Run(engine, documents, longest.Contracts);
}

var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var watch = Stopwatch.StartNew();
for (var i = 0; i < runs; i++)
{
    GoldenSet.Run(engine, documents, longest.Contracts);
}

watch.Stop();
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
var perSecond = pages * runs / watch.Elapsed.TotalSeconds;
var perCpuSecond = pages * runs / cpu.TotalSeconds;
// Wall-clock figures suffer when other processes share the cores; the CPU-time figure is the one-core rate.
Console.WriteLine($"throughput: {perSecond.ToString("0", CultureInfo.InvariantCulture)} pages/s wall clock, {perCpuSecond.ToString("0", CultureInfo.InvariantCulture)} pages per CPU-second, one thread ({longest.CaseId}, {pages} pages, {runs} runs, {watch.Elapsed.TotalMilliseconds / runs:0.0} ms per run)");
return 0;

// One set at one scan profile: every case not too long is scanned, OCR'd and scored; its text-layer score is printed
// under it, so the cost of scanning is read off one table measured in one run.
async Task ScoreScannedAsync(string name, string folder, IReadOnlyList<GoldenCase> cases, string profile, ScanCopies copies, ScannedReader reader)
{
    var textLayer = cases.Select(c => (Case: c, Documents: c.Read())).ToList();
    var skipped = textLayer.Where(c => maxPages > 0 && c.Documents.Sum(d => d.Pages.Count) > maxPages).ToList();
    var kept = textLayer.Where(c => !skipped.Contains(c)).ToList();
    var pagesBefore = reader.PagesRead;
    var failuresBefore = reader.Failures.Count;
    var recognitionBefore = reader.RecognitionTime;
    var done = 0;
    var started = Stopwatch.GetTimestamp();
    var scanned = await Task.WhenAll(kept.Select(async c =>
    {
        var read = await reader.ReadAsync(c.Case, CancellationToken.None);
        Console.Error.WriteLine($"  {profile} {name}: {Interlocked.Increment(ref done)}/{kept.Count} cases, {reader.PagesRead - pagesBefore} pages ({c.Case.CaseId})");
        return (c.Case, Documents: read);
    }));
    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var pageCount = reader.PagesRead - pagesBefore;

    var onScans = scanned.Select(c => (c.Case, Score: Scorer.Evaluate(engine, c.Case, c.Documents).Score)).ToList();
    var onText = kept.Select(c => (c.Case, Score: Scorer.Evaluate(engine, c.Case, c.Documents).Score)).ToList();
    if (dump is not null)
    {
        Dump(Path.Combine(dump, profile, name), scanned);
    }

    var input = $"scan-{profile}";
    Console.WriteLine($"Golden set \"{name}\" scanned ({profile}, {reader.EngineProfile}, scans {copies.Version}): {kept.Count} of {cases.Count} cases, {folder}");
    Console.WriteLine($"{pageCount} pages OCR'd in {seconds:0} s ({pageCount / seconds:0.00} pages/s, {workers} workers, {(reader.RecognitionTime - recognitionBefore).TotalSeconds / Math.Max(pageCount, 1):0.00} s a page per worker); text files of a case are read as they are");
    foreach (var (golden, documents) in skipped)
    {
        Console.WriteLine($"skipped: {golden.CaseId} ({documents.Sum(d => d.Pages.Count)} pages > --max-pages {maxPages})");
    }

    foreach (var failure in reader.Failures.Skip(failuresBefore))
    {
        Console.WriteLine($"extraction failed (scored without the file, as a job would go on without it): {failure}");
    }

    PrintTable(onScans.Select(c => c.Case.Kind).Distinct().Order(StringComparer.Ordinal).Append("OVERALL").SelectMany(kind =>
    {
        bool Of(GoldenCase c) => kind == "OVERALL" || c.Kind == kind;
        var count = onScans.Count(c => Of(c.Case));
        return new[]
        {
            new Row(kind, input, count, Sum(onScans.Where(c => Of(c.Case)).Select(c => c.Score))),
            new Row(kind, "text", count, Sum(onText.Where(c => Of(c.Case)).Select(c => c.Score))),
        };
    }));
    PrintWorst(onScans);
    if (showMisses)
    {
        var textMisses = onText.SelectMany(c => c.Score.Misses).ToHashSet();
        var misses = onScans.SelectMany(c => c.Score.Misses).ToList();
        Console.WriteLine($"misses on scans ({misses.Count}; {misses.Count(textMisses.Contains)} marked [text] are the text layer's too):");
        foreach (var miss in misses)
        {
            Console.WriteLine($"  {(textMisses.Contains(miss) ? "[text] " : "")}{miss}");
        }
    }

    Console.WriteLine();
}

static void Dump(string folder, IEnumerable<(GoldenCase Case, IReadOnlyList<RuleDocument> Documents)> scanned)
{
    foreach (var (golden, documents) in scanned)
    {
        var caseFolder = Path.Combine(folder, golden.CaseId);
        Directory.CreateDirectory(caseFolder);
        foreach (var document in documents)
        {
            File.WriteAllText(
                Path.Combine(caseFolder, $"{document.FileOrder}-{Path.GetFileNameWithoutExtension(document.FileName)}.txt"),
                string.Join("\n\f\n", document.Pages.Select(p => $"--- page {p.Page} ({p.Source})\n{p.Text}")));
        }
    }
}

static Score Sum(IEnumerable<Score> scores)
{
    var total = new Score();
    foreach (var score in scores)
    {
        total.Add(score);
    }

    return total;
}

static void PrintTable(IEnumerable<Row> rows)
{
    var list = rows.ToList();
    var withInput = list.Any(r => r.Input is not null);
    Console.WriteLine($"kind                  {(withInput ? "input      " : "")}cases dateR  dateP  fakeOut evtR   evtP   kcdR   kcdGrnd hosp   type   discR  discP  evid   evidOK");
    foreach (var (kind, input, n, s) in list)
    {
        Console.WriteLine($"{kind,-21} {(withInput ? $"{input,-10} " : "")}{n,5} {F(s.DateRecall)} {F(s.DatePrecision)} {F(s.FakeKeptOut)}  {F(s.EventRecall)} {F(s.EventPrecision)} {F(s.CodeRecall)} {F(s.CodesGrounded)}  {F(s.Hospital)} {F(s.EventType)} {F(s.DisclosureRecall)} {F(s.DisclosurePrecision)} {F(s.EvidenceCoverage)} {F(s.EvidenceValid)}");
    }
}

static void PrintWorst(IEnumerable<(GoldenCase Case, Score Score)> perCase)
{
    var worst = perCase.OrderBy(c => Math.Min(c.Score.EventRecall.Ratio, c.Score.EventPrecision.Ratio)).ThenBy(c => c.Case.CaseId, StringComparer.Ordinal).First();
    Console.WriteLine($"worst case (event recall/precision): {worst.Case.CaseId} {F(worst.Score.EventRecall)}/{F(worst.Score.EventPrecision)}");
}

static string F(Tally t) => t.Total == 0 ? "   -  " : t.Ratio.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(6);

static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

/// <summary>One line of the score table: a case kind (or OVERALL), what was read (a scan profile or the text layer), the case count.</summary>
internal sealed record Row(string Kind, string? Input, int Cases, Score Score);
