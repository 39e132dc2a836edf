using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using VNexsus.LoadBench;

// bench/load: the embedded API under open-loop mixed traffic, step by step, plus its memory growth over 50 uploads and
// one 100 MB upload. Prints figures and the issue's targets next to them; asserts nothing.

var options = LoadOptions.Parse(args);
if (options is null)
{
    return 2;
}

var output = Console.Out;
var workDir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"vnexsus-load-{Guid.NewGuid():N}")).FullName;
var fixture = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "fixtures", "outpatient-record.pdf"));
ApiProcess? api = null;
try
{
    Say($"starting the API ({options.ApiDll}){(options.ServerCpus is { } c ? $" on CPUs {c}" : "")}");
    api = await ApiProcess.StartAsync(options.ApiDll, workDir, options.ServerCpus, CancellationToken.None);
    using var http = new HttpClient(new SocketsHttpHandler
    {
        UseProxy = false,
        MaxConnectionsPerServer = options.MaxInFlight,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = api.Address,
        Timeout = Timeout.InfiniteTimeSpan,
    };
    var traffic = new Traffic(http, fixture, "outpatient-record.pdf");

    Say("seeding: the first upload is extracted; later uploads of the same bytes are served from the OCR cache");
    var first = await traffic.UploadAsync(CancellationToken.None) ?? throw new InvalidOperationException("The seeding upload was refused.");
    var seedDeadline = Stopwatch.StartNew();
    while (await traffic.StatusOfAsync(first, CancellationToken.None) != "completed")
    {
        if (seedDeadline.Elapsed > TimeSpan.FromSeconds(120))
        {
            throw new TimeoutException("The seeding job did not complete in 120 s.");
        }

        await Task.Delay(100);
    }

    for (var i = 0; i < 20; i++)
    {
        _ = await traffic.UploadAsync(CancellationToken.None) ?? throw new InvalidOperationException("A seeding upload was refused.");
    }

    var memory = await MemoryProbe.RunAsync(api, traffic, http, options.LargeUploadBytes);

    var steps = new List<StepResult>();
    foreach (var rate in options.Rates)
    {
        Say($"step: {rate} req/s offered for {options.StepLength.TotalSeconds:0} s");
        steps.Add(await OpenLoop.RunStepAsync(rate, options.StepLength, options.KindOf, traffic, api, options.MaxInFlight, options.RequestTimeout));
        var rss = api.ResidentBytes();
        Say($"  p95 {steps[^1].P95Ms:0.0} ms, errors {ErrorRate(steps[^1]):0.000} %, API RSS {rss / 1048576.0:0} MB");
    }

    Report(output, options, memory, steps);
    return 0;
}
catch (Exception error)
{
    Console.Error.WriteLine($"load: FAILED: {error}");
    if (api is not null)
    {
        Console.Error.WriteLine(api.LogTail());
    }

    return 1;
}
finally
{
    if (api is not null)
    {
        await api.DisposeAsync();
    }

    Directory.Delete(workDir, recursive: true);
}

static void Say(string line) => Console.Error.WriteLine($"load: {line}");

static double ErrorRate(StepResult step) => 100.0 * (step.Failed + step.Dropped) / Math.Max(1, step.Scheduled);

static void Report(TextWriter output, LoadOptions options, MemoryResult memory, IReadOnlyList<StepResult> steps)
{
    var inv = CultureInfo.InvariantCulture;
    output.WriteLine("VNexsus load benchmark (bench/load)");
    // Environment.ProcessorCount counts only the CPUs this process may use (one under --client-cpus); the machine's are in /proc/stat.
    var machineCores = File.ReadLines("/proc/stat").Count(line => line.StartsWith("cpu", StringComparison.Ordinal) && char.IsDigit(line[3]));
    output.WriteLine($"machine: {machineCores} cores, load average at end {File.ReadAllText("/proc/loadavg").Trim()}");
    output.WriteLine($"api: embedded mode, Release, loopback, its own temporary data directory, log level Warning; CPUs {options.ServerCpus ?? "all (not pinned)"}");
    output.WriteLine($"generator: this process on CPUs {options.ClientCpus ?? "all (not pinned)"}; it SHARES the machine with the API, so the API gets what the generator leaves");
    output.WriteLine($"traffic: open loop (constant arrival rate, latency from the due time), mix {options.MixText}, request timeout {options.RequestTimeout.TotalSeconds:0} s, at most {options.MaxInFlight} in flight");
    output.WriteLine("uploads: one 36 KB text-layer PDF already extracted (each upload is a new job served from the OCR cache)");
    output.WriteLine();
    output.WriteLine("offered/s  achieved/s  p50 ms  p95 ms  p99 ms  max ms  errors %  upload p95  status p95  result p95  api CPU  api CPU ms/req  gen CPU");
    foreach (var s in steps)
    {
        output.WriteLine(string.Format(inv, "{0,9:0}  {1,10:0}  {2,6:0.0}  {3,6:0.0}  {4,6:0.0}  {5,6:0}  {6,8:0.000}  {7,10:0.0}  {8,10:0.0}  {9,10:0.0}  {10,7:0.00}  {12,14:0.00}  {11,7:0.00}",
            s.OfferedPerSecond, s.AchievedPerSecond, s.P50Ms, s.P95Ms, s.P99Ms, s.MaxMs, ErrorRate(s),
            s.ByKind[RequestKind.Upload].P95Ms, s.ByKind[RequestKind.Status].P95Ms, s.ByKind[RequestKind.Result].P95Ms, s.ServerCpuCores, s.ClientCpuCores,
            s.ServerCpuMsPerRequest));
    }

    output.WriteLine($"(each step {options.StepLength.TotalSeconds:0} s; CPU in cores busy on average; errors include requests the generator dropped at its in-flight limit)");
    var target = steps.FirstOrDefault(s => s.OfferedPerSecond == 1000);
    if (target is not null)
    {
        var met = target.P95Ms < 200 && ErrorRate(target) < 0.1 && target.AchievedPerSecond >= 0.99 * 1000;
        output.WriteLine(string.Format(inv, "target (issue 5): 1,000 req/s with p95 < 200 ms and errors < 0.1 %: {0} (p95 {1:0.0} ms = {2:0.00}× the bound, errors {3:0.000} %)",
            met ? "MET" : "NOT MET", target.P95Ms, target.P95Ms / 200, ErrorRate(target)));
    }

    output.WriteLine();
    output.WriteLine(string.Format(inv, "memory (API RSS from /proc): baseline {0:0} MB after seeding", memory.BaselineBytes / 1048576.0));
    output.WriteLine(string.Format(inv, "  50 sequential uploads: RSS {0:+0.0;-0.0} MB (peak {1:+0.0;-0.0} MB); plan: < 100 MB -> {2}",
        memory.FiftyUploadsGrowth / 1048576.0, memory.FiftyUploadsPeakGrowth / 1048576.0, memory.FiftyUploadsPeakGrowth < 100 * 1048576L ? "MET" : "NOT MET"));
    output.WriteLine(string.Format(inv, "  one {0:0} MB upload streamed and staged (answer {1}): peak RSS {2:+0.0;-0.0} MB = {3:0.000}× the upload; issue: < 32 MB -> {4}",
        memory.LargeUploadBytes / 1e6, memory.LargeUploadAnswer, memory.LargeUploadPeakGrowth / 1048576.0, (double)memory.LargeUploadPeakGrowth / memory.LargeUploadBytes,
        memory.LargeUploadPeakGrowth < 32 * 1048576L ? "MET" : "NOT MET"));
    output.WriteLine("  (the 100 MB upload carries an invalid insuranceJoinDate after the file, so it is streamed to disk in full and then refused:");
    output.WriteLine("   this isolates the upload path from extraction, which in the embedded mode runs in the same process)");
}

public sealed record MemoryResult(long BaselineBytes, long FiftyUploadsGrowth, long FiftyUploadsPeakGrowth, long LargeUploadBytes, long LargeUploadPeakGrowth, string LargeUploadAnswer);

/// <summary>Resident-memory growth of the API: over 50 sequential uploads, and while one large upload streams in.</summary>
public static class MemoryProbe
{
    public static async Task<MemoryResult> RunAsync(ApiProcess api, Traffic traffic, HttpClient http, long largeBytes)
    {
        Console.Error.WriteLine("load: memory: 50 sequential uploads");
        var baseline = api.ResidentBytes();
        long fiftyPeak;
        using (var sampler = new PeakSampler(api))
        {
            for (var i = 0; i < 50; i++)
            {
                _ = await traffic.UploadAsync(CancellationToken.None) ?? throw new InvalidOperationException("An upload was refused.");
            }

            fiftyPeak = sampler.Peak;
        }

        var afterFifty = api.ResidentBytes();
        Console.Error.WriteLine($"load: memory: one {largeBytes / 1e6:0} MB upload");
        var beforeLarge = api.ResidentBytes();
        string answer;
        long largePeak;
        using (var sampler = new PeakSampler(api))
        {
            using var form = new MultipartFormDataContent();
            var file = new GeneratedTextContent(largeBytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, "files", "large-export.txt");
            form.Add(new StringContent("not-a-date"), "insuranceJoinDate");
            using var response = await http.PostAsync("/api/ocr/upload", form);
            answer = $"{(int)response.StatusCode} {response.StatusCode}";
            largePeak = sampler.Peak;
        }

        return new MemoryResult(baseline, afterFifty - baseline, fiftyPeak - baseline, largeBytes, largePeak - beforeLarge, answer);
    }

    /// <summary>Reads the API's RSS every 10 ms and keeps the highest.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private long _peak;

        public PeakSampler(ApiProcess api)
        {
            _peak = api.ResidentBytes();
            _sampling = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    var rss = api.ResidentBytes();
                    if (rss > Interlocked.Read(ref _peak))
                    {
                        Interlocked.Exchange(ref _peak, rss);
                    }

                    await Task.Delay(10);
                }
            });
        }

        public long Peak => Interlocked.Read(ref _peak);

        public void Dispose()
        {
            _stop.Cancel();
            _sampling.Wait();
            _stop.Dispose();
        }
    }

    /// <summary>Synthetic UTF-8 text of an exact length, generated while it is sent (the generator holds no copy).</summary>
    private sealed class GeneratedTextContent(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var line = "2024.03.07 내과 외래 진료 합성 데이터 줄입니다 (synthetic line)\n"u8.ToArray();
            var buffer = new byte[64 * 1024];
            for (var filled = 0; filled + line.Length <= buffer.Length; filled += line.Length)
            {
                line.CopyTo(buffer, filled);
            }

            var usable = buffer.Length - buffer.Length % line.Length;
            for (long sent = 0; sent < length;)
            {
                var count = (int)Math.Min(usable, length - sent);
                await stream.WriteAsync(buffer.AsMemory(0, count));
                sent += count;
            }
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }
}

public sealed class LoadOptions
{
    public required string ApiDll { get; init; }

    public IReadOnlyList<double> Rates { get; init; } = [250, 500, 1000, 1500];

    public TimeSpan StepLength { get; init; } = TimeSpan.FromSeconds(60);

    public int UploadPercent { get; init; } = 10;

    public int StatusPercent { get; init; } = 60;

    public int MaxInFlight { get; init; } = 1024;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public long LargeUploadBytes { get; init; } = 100_000_000;

    public string? ServerCpus { get; init; }

    public string? ClientCpus { get; init; }

    public string MixText => $"{UploadPercent} % uploads, {StatusPercent} % status polls, {100 - UploadPercent - StatusPercent} % result fetches";

    /// <summary>Request <c>i</c>'s kind, spread evenly by a fixed stride so every second has the same mix.</summary>
    public RequestKind KindOf(long i)
    {
        var slot = (int)((i * 37) % 100);
        return slot < UploadPercent ? RequestKind.Upload : slot < UploadPercent + StatusPercent ? RequestKind.Status : RequestKind.Result;
    }

    public static LoadOptions? Parse(string[] args)
    {
        string? api = null;
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h")
            {
                Console.Error.WriteLine("""
                    usage: bench/load [--step-seconds 60] [--rates 250,500,1000,1500] [--uploads 10] [--status 60]
                                      [--max-in-flight 1024] [--timeout-seconds 10] [--large-mb 100]
                                      [--server-cpus LIST] [--client-cpus LIST]   (taskset CPU lists, e.g. 0 and 1)
                    """);
                return null;
            }

            if (i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"load: {args[i]} needs a value");
                return null;
            }

            if (args[i] == "--api")
            {
                api = args[++i];
            }
            else
            {
                options[args[i]] = args[++i];
            }
        }

        if (api is null || !File.Exists(api))
        {
            Console.Error.WriteLine($"load: --api must name the built VNexsus.Api.dll (got '{api}')");
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        var parsed = new LoadOptions
        {
            ApiDll = api,
            Rates = options.TryGetValue("--rates", out var rates) ? rates.Split(',').Select(r => double.Parse(r, inv)).ToList() : [250, 500, 1000, 1500],
            StepLength = TimeSpan.FromSeconds(options.TryGetValue("--step-seconds", out var step) ? double.Parse(step, inv) : 60),
            UploadPercent = options.TryGetValue("--uploads", out var uploads) ? int.Parse(uploads, inv) : 10,
            StatusPercent = options.TryGetValue("--status", out var status) ? int.Parse(status, inv) : 60,
            MaxInFlight = options.TryGetValue("--max-in-flight", out var inFlight) ? int.Parse(inFlight, inv) : 1024,
            RequestTimeout = TimeSpan.FromSeconds(options.TryGetValue("--timeout-seconds", out var timeout) ? double.Parse(timeout, inv) : 10),
            LargeUploadBytes = (long)((options.TryGetValue("--large-mb", out var large) ? double.Parse(large, inv) : 100) * 1_000_000),
            ServerCpus = options.GetValueOrDefault("--server-cpus"),
            ClientCpus = options.GetValueOrDefault("--client-cpus"),
        };
        if (parsed.UploadPercent + parsed.StatusPercent > 100 || parsed.Rates.Any(r => r <= 0) || parsed.StepLength <= TimeSpan.Zero)
        {
            Console.Error.WriteLine("load: --uploads plus --status must be at most 100, rates and the step length positive");
            return null;
        }

        return parsed;
    }
}
