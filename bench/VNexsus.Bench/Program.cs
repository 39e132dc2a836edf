using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using VNexsus.Bench;

// VNexsus benchmarks. Every figure is printed next to a baseline measured in the same run (pdftotext; a regex date
// scan; the first upload), and the ratios are what to compare between machines or commits. Nothing here asserts on time.

var output = Console.Out;
var (options, exitCode) = BenchOptions.Parse(args);
if (options is null)
{
    return exitCode;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var workDir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"vnexsus-bench-{Guid.NewGuid():N}")).FullName;
var clock = Stopwatch.StartNew();
var loadAtStart = Report.LoadAverage();
try
{
    var fixture = Path.Combine(AppContext.BaseDirectory, "fixtures", "outpatient-record.pdf");
    if (!File.Exists(fixture))
    {
        throw new BenchFailure($"The fixture is missing: {fixture}");
    }

    var fixtureBytes = await File.ReadAllBytesAsync(fixture, cancel.Token);
    var textLayer = await TextLayerBench.RunAsync(fixture, options.Copies, options, workDir, cancel.Token);
    var rules = RuleBench.Run(RuleBench.FindLongRecord(), options, cancel.Token);
    var api = await ApiBench.RunAsync(fixtureBytes, textLayer.Pages / textLayer.Copies, options, workDir, cancel.Token);
    Report.Write(output, options, textLayer, rules, api, clock.Elapsed, loadAtStart);
    return 0;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("bench: cancelled");
    return 130;
}
catch (Exception error)
{
    Console.Error.WriteLine($"bench: FAILED: {(error is BenchFailure ? error.Message : error.ToString())}");
    return 1;
}
finally
{
    try
    {
        Directory.Delete(workDir, recursive: true);
    }
    catch (IOException error)
    {
        Console.Error.WriteLine($"bench: could not remove {workDir}: {error.Message}");
    }
}

namespace VNexsus.Bench
{
    public sealed record BenchOptions(int Runs, bool Quick)
    {
        /// <summary>Copies of the 3-page fixture in the text-layer PDF (60 pages).</summary>
        public int Copies => 20;

        public TimeSpan TextLayerWarmUp => Quick ? TimeSpan.FromSeconds(0.3) : TimeSpan.FromSeconds(1);

        /// <summary>Timed PdfPig reading in all; at least the brief's 2 s.</summary>
        public TimeSpan TextLayerMinimum => Quick ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(3);

        /// <summary>Rounds of (pdftotext once, pdftotext -v once, PdfPig for a slice of <see cref="TextLayerMinimum"/>).</summary>
        public int TextLayerRounds => Quick ? 3 : 15;

        public int WarmUpPairs => Quick ? 1 : 2;

        public TimeSpan PollDelay => TimeSpan.FromMilliseconds(5);

        public const string Usage = """
            usage: bench/run [--runs N] [--quick]
              --runs N   timed jobs of each kind through the HTTP API (default 20; 3 with --quick)
              --quick    a short smoke run: less warm-up and fewer repetitions everywhere
            """;

        /// <summary>The options, or null and the exit code when the run ends here (help asked for: 0; wrong arguments: 2).</summary>
        public static (BenchOptions? Options, int ExitCode) Parse(string[] args)
        {
            int? runs = null;
            var quick = false;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--quick":
                        quick = true;
                        break;
                    case "--runs":
                        if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                        {
                            return Wrong("--runs needs a whole number of at least 1");
                        }

                        runs = n;
                        i++;
                        break;
                    case "-h" or "--help":
                        Console.Out.WriteLine(Usage);
                        return (null, 0);
                    default:
                        return Wrong($"unexpected argument '{args[i]}'");
                }
            }

            return (new BenchOptions(runs ?? (quick ? 3 : 20), quick), 0);
        }

        private static (BenchOptions?, int) Wrong(string problem)
        {
            Console.Error.WriteLine($"bench: {problem}");
            Console.Error.WriteLine(Usage);
            return (null, 2);
        }
    }

    /// <summary>Progress lines go to stderr; stdout carries only the report.</summary>
    public static class Progress
    {
        public static void Say(string message) => Console.Error.WriteLine($"bench: {message}");
    }

    public static class Report
    {
        public static void Write(TextWriter output, BenchOptions options, TextLayerResult text, RuleResult rules, ApiResult api, TimeSpan elapsed, string? loadAtStart)
        {
            output.WriteLine("# VNexsus benchmark");
            output.WriteLine();
            output.WriteLine($"date:    {DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)}");
            output.WriteLine($"machine: {Environment.ProcessorCount} cores{CpuModel()}, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}");
            output.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
            if (loadAtStart is not null)
            {
                output.WriteLine($"load:    {loadAtStart} at start, {LoadAverage()} at end (1-min load average; above the core count, other work competed)");
            }

            output.WriteLine($"mode:    {(options.Quick ? "quick (smoke run; numbers are rough)" : "default")}, runs={options.Runs}, took {Fmt.N(elapsed.TotalSeconds, "0")} s");
            output.WriteLine();

            output.WriteLine($"## (a) Text-layer extraction: {text.Pages}-page PDF (fixture × {text.Copies} via {text.ConcatenatedWith}, {Fmt.Kb(text.Bytes)})");
            output.WriteLine();
            var a = new Table("engine", "runs", "timed s", "median ms/doc", "best ms/doc", "pages/s (median)", "pages/s (best)");
            foreach (var row in new[] { text.VNexsus, text.PdfToText })
            {
                a.Row(row.Engine, row.MillisecondsPerDocument.Count.ToString(CultureInfo.InvariantCulture), Fmt.N(row.TimedSeconds, "0.00"),
                    Fmt.N(row.MillisecondsPerDocument.Median), Fmt.N(row.MillisecondsPerDocument.Min),
                    Fmt.N(row.MedianPagesPerSecond, "0"), Fmt.N(row.BestPagesPerSecond, "0"));
            }

            a.Row("ratio VNexsus / pdftotext", "", "", "", "", Fmt.Ratio(text.VNexsus.MedianPagesPerSecond / text.PdfToText.MedianPagesPerSecond),
                Fmt.Ratio(text.VNexsus.BestPagesPerSecond / text.PdfToText.BestPagesPerSecond));
            a.WriteTo(output);
            output.WriteLine();
            output.WriteLine($"VNexsus: in-process on a MemoryStream, warm, read repeatedly for ≥ {Fmt.N(options.TextLayerMinimum.TotalSeconds, "0.#")} s. pdftotext: one process per");
            output.WriteLine($"document, output to a file, start-up included (`pdftotext -v` alone: median {Fmt.N(text.PdfToTextStartup.Median)} ms). The two alternate in");
            output.WriteLine($"{options.TextLayerRounds} rounds. A ratio above 1 means VNexsus is faster.");
            output.WriteLine();

            output.WriteLine($"## (b) Rule engine: {rules.Pages} pages of text ({rules.Blocks} blocks, golden case {rules.CaseId}), one thread");
            output.WriteLine();
            var r = new Table("pass", "runs", "median ms/doc", "best ms/doc", "pages/s (median)", "pages/s (best)");
            foreach (var row in new[] { rules.Rules, rules.DateScan })
            {
                r.Row(row.Engine, row.MillisecondsPerDocument.Count.ToString(CultureInfo.InvariantCulture), Fmt.N(row.MillisecondsPerDocument.Median),
                    Fmt.N(row.MillisecondsPerDocument.Min), Fmt.N(row.MedianPagesPerSecond, "0"), Fmt.N(row.BestPagesPerSecond, "0"));
            }

            r.Row("ratio rules / date scan", "", "", "", Fmt.Ratio(rules.Rules.MedianPagesPerSecond / rules.DateScan.MedianPagesPerSecond, "0.0000"),
                Fmt.Ratio(rules.Rules.BestPagesPerSecond / rules.DateScan.BestPagesPerSecond, "0.0000"));
            r.WriteTo(output);
            output.WriteLine();
            output.WriteLine($"The rules: dates, classification, events, disclosure review (3.2.5) and statistics; {rules.Events} events. The date scan:");
            output.WriteLine($"one compiled regex over every block ({rules.ScannedDates} matches), the least any date engine does; one rule run costs");
            output.WriteLine($"{Fmt.N(rules.CostRatio, "0")} scans. Rules per CPU-second of this process: {Fmt.N(rules.RulePagesPerCpuSecond, "0")} pages (the one-core rate; wall-clock rows");
            output.WriteLine($"suffer when other work shares the cores). Target ≥ {Fmt.N(RuleBench.TargetPagesPerSecond, "0")} pages/s: {(rules.RulePagesPerCpuSecond >= RuleBench.TargetPagesPerSecond ? "met" : "NOT met")} per CPU-second.");
            output.WriteLine();

            output.WriteLine($"## (c) Time to a completed job through the HTTP API ({api.Pages}-page fixture, {Fmt.Kb(api.Bytes)}, embedded host)");
            output.WriteLine();
            var b = new Table("case", "runs", "p50 ms", "p95 ms", "min ms", "max ms");
            b.Row("first upload (unique bytes)", api.FirstUpload.Count.ToString(CultureInfo.InvariantCulture), Fmt.N(api.FirstUpload.Median), Fmt.N(api.FirstUpload.Percentile(95)), Fmt.N(api.FirstUpload.Min), Fmt.N(api.FirstUpload.Max));
            b.Row("cache hit (same bytes again)", api.CacheHit.Count.ToString(CultureInfo.InvariantCulture), Fmt.N(api.CacheHit.Median), Fmt.N(api.CacheHit.Percentile(95)), Fmt.N(api.CacheHit.Min), Fmt.N(api.CacheHit.Max));
            b.Row("ratio cache-hit / first-upload", "", Fmt.Ratio(api.CacheHit.Median / api.FirstUpload.Median), Fmt.Ratio(api.CacheHit.Percentile(95) / api.FirstUpload.Percentile(95)), "", "");
            b.WriteTo(output);
            output.WriteLine();
            output.WriteLine($"From the start of POST /api/ocr/upload until GET /api/ocr/status says completed (polled every {Fmt.N(api.PollDelay.TotalMilliseconds, "0")} ms);");
            output.WriteLine($"first uploads and cache hits alternate, after {api.WarmUpPairs} untimed warm-up pair(s). p95 is nearest-rank. Host start-up: {Fmt.N(api.Startup.TotalSeconds, "0.0")} s.");
            output.WriteLine("A ratio below 1 means the cache hit is faster.");
            if (options.Runs < 20)
            {
                output.WriteLine($"Only {options.Runs} runs of each: p95 is close to the maximum and not a stable figure.");
            }
        }

        /// <summary>The 1-minute load average (Linux), else null.</summary>
        public static string? LoadAverage()
        {
            try
            {
                return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;
            }
            catch (IOException)
            {
                return null;
            }
        }

        private static string CpuModel()
        {
            try
            {
                var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                return model is null ? string.Empty : $" ({model[(model.IndexOf(':') + 1)..].Trim()})";
            }
            catch (IOException)
            {
                return string.Empty;
            }
            catch (UnauthorizedAccessException)
            {
                return string.Empty;
            }
        }
    }
}
