using System.Diagnostics;
using System.Globalization;
using VNexsus.Accuracy;
using VNexsus.Rules;

// bench/accuracy: scores the rule engine per case kind and overall on the golden set it was developed on ("tuned") and,
// separately, on the holdout set it was not tuned on, and measures rule-engine throughput (pages of text per second on
// one core) on the long-record case. Usage: [--cases DIR] [--misses] [--runs N]
List<(string Name, string Folder)>? folders = null;
var showMisses = false;
var runs = 20;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--cases": folders = [("cases", args[++i])]; break;
        case "--misses": showMisses = true; break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default:
            Console.Error.WriteLine("usage: accuracy [--cases DIR] [--misses] [--runs N]");
            return 2;
    }
}

folders ??=
[
    ("tuned", GoldenSet.FindCasesFolder(Environment.CurrentDirectory)),
    ("holdout", GoldenSet.FindCasesFolder(Environment.CurrentDirectory, GoldenSet.Holdout)),
];
var engine = RuleEngine.Default;
static string F(Tally t) => t.Total == 0 ? "   -  " : t.Ratio.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(6);
var everyCase = new List<GoldenCase>();
foreach (var (name, folder) in folders)
{
    var cases = GoldenSet.Load(folder);
    everyCase.AddRange(cases);
    var byKind = new SortedDictionary<string, Score>(StringComparer.Ordinal);
    var overall = new Score();
    var perCase = new List<(string Id, Score Score)>();
    foreach (var golden in cases)
    {
        var (score, _) = Scorer.Evaluate(engine, golden);
        if (!byKind.TryGetValue(golden.Kind, out var kindScore))
        {
            byKind[golden.Kind] = kindScore = new Score();
        }

        kindScore.Add(score);
        overall.Add(score);
        perCase.Add((golden.CaseId, score));
    }

    Console.WriteLine($"Golden set \"{name}\": {cases.Count} cases, {folder}");
    Console.WriteLine("kind                  cases dateR  dateP  fakeOut evtR   evtP   kcdR   kcdGrnd hosp   type   discR  discP  evid   evidOK");
    foreach (var (kind, s) in byKind.Append(new KeyValuePair<string, Score>("OVERALL", overall)))
    {
        var n = kind == "OVERALL" ? cases.Count : cases.Count(c => c.Kind == kind);
        Console.WriteLine($"{kind,-21} {n,5} {F(s.DateRecall)} {F(s.DatePrecision)} {F(s.FakeKeptOut)}  {F(s.EventRecall)} {F(s.EventPrecision)} {F(s.CodeRecall)} {F(s.CodesGrounded)}  {F(s.Hospital)} {F(s.EventType)} {F(s.DisclosureRecall)} {F(s.DisclosurePrecision)} {F(s.EvidenceCoverage)} {F(s.EvidenceValid)}");
    }

    var worst = perCase.OrderBy(c => Math.Min(c.Score.EventRecall.Ratio, c.Score.EventPrecision.Ratio)).ThenBy(c => c.Id, StringComparer.Ordinal).First();
    Console.WriteLine($"worst case (event recall/precision): {worst.Id} {F(worst.Score.EventRecall)}/{F(worst.Score.EventPrecision)}");
    if (showMisses)
    {
        foreach (var miss in overall.Misses)
        {
            Console.WriteLine("  " + miss);
        }
    }

    Console.WriteLine();
}

// Throughput: the rules alone (no PDF parsing), one thread, on the longest case.
var longest = everyCase.OrderByDescending(c => c.Read().Sum(d => d.Pages.Count)).First();
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
