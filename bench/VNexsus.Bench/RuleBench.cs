using System.Diagnostics;
using System.Text.RegularExpressions;
using VNexsus.Ocr;
using VNexsus.Rules;
using VNexsus.Rules.Events;

namespace VNexsus.Bench;

public sealed record RuleResult(string CaseId, int Pages, int Blocks, ThroughputRow Rules, ThroughputRow DateScan, int Events, int ScannedDates, double RulePagesPerCpuSecond)
{
    /// <summary>How many date scans one rule run costs (median against median).</summary>
    public double CostRatio => Rules.MillisecondsPerDocument.Median / DateScan.MillisecondsPerDocument.Median;
}

/// <summary>
/// (b) Rule-engine throughput: pages of text per second on one thread, on the long golden case (150+ pages, read once
/// through the text layer; not timed). The baseline is the cheapest pass any date engine must make: one compiled regex
/// over every block looking for <c>yyyy.mm.dd</c>-like dates. The two alternate in rounds on the same thread.
/// </summary>
public static partial class RuleBench
{
    public const double TargetPagesPerSecond = 1000;

    [GeneratedRegex(@"\d{2,4}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();

    public static RuleResult Run(string caseFolder, BenchOptions options, CancellationToken cancellationToken)
    {
        var pdf = Directory.GetFiles(caseFolder, "*.pdf").Single();
        IReadOnlyList<ExtractedPage> pages;
        using (var stream = File.OpenRead(pdf))
        {
            pages = PdfTextLayerReader.Read(stream);
        }

        var documents = new[] { new RuleDocument(1, Path.GetFileName(pdf), pages) };
        var ruleOptions = new RuleOptions(new DateOnly(2024, 12, 1), "3.2.5", new DateOnly(2026, 1, 1));
        var engine = RuleEngine.Default;
        int AnalyseOnce() => engine.Analyse(new string('0', 64), documents, ruleOptions, DateTimeOffset.UnixEpoch).Events.Count;
        int ScanOnce()
        {
            var found = 0;
            foreach (var page in pages)
            {
                foreach (var block in page.Blocks)
                {
                    found += DateLike().Count(block.Text);
                }
            }

            return found;
        }

        Progress.Say($"rules: {pages.Count} pages of {Path.GetFileName(caseFolder)}, warming for {options.TextLayerWarmUp.TotalSeconds:0.#} s");
        var warm = Stopwatch.StartNew();
        for (var run = 0; run < 3 || warm.Elapsed < options.TextLayerWarmUp; run++)
        {
            AnalyseOnce();
            ScanOnce();
        }

        var rules = new List<double>();
        var scan = new List<double>();
        var slice = options.TextLayerMinimum / options.TextLayerRounds;
        int events = 0, dates = 0;
        var ruleCpu = TimeSpan.Zero;
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < options.TextLayerRounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            events = Timed(AnalyseOnce, rules, slice);
            process.Refresh();
            ruleCpu += process.TotalProcessorTime - cpuBefore;
            dates = Timed(ScanOnce, scan, slice);
        }

        if (events == 0 || dates == 0)
        {
            throw new BenchFailure($"The rules found {events} events and the date scan {dates} dates in {pdf}: not the golden long record.");
        }

        return new RuleResult(
            Path.GetFileName(caseFolder), pages.Count, pages.Sum(p => p.Blocks.Count),
            new ThroughputRow("RuleEngine.Analyse (one thread)", new Stats(rules), pages.Count),
            new ThroughputRow("baseline: regex date scan", new Stats(scan), pages.Count),
            events, dates, pages.Count * rules.Count / ruleCpu.TotalSeconds);
    }

    private static int Timed(Func<int> work, List<double> milliseconds, TimeSpan slice)
    {
        var clock = Stopwatch.StartNew();
        int result;
        do
        {
            var started = Stopwatch.GetTimestamp();
            result = work();
            milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        while (clock.Elapsed < slice);
        return result;
    }

    /// <summary><c>test/golden/cases/long_record-01</c> up the directory tree from the binaries.</summary>
    public static string FindLongRecord()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "test", "golden", "cases", "long_record-01");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new BenchFailure("test/golden/cases/long_record-01 not found; run test/golden/generate.py");
    }
}
