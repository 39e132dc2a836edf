using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.Json;
using VNexsus.Testing;
using Xunit;

namespace VNexsus.DistributedTests;

/// <summary>
/// The distributed mode for real, on loopback: a <c>redis-server</c> with AOF on, two <c>VNexsus.Silo</c> processes
/// clustering through it and the <c>VNexsus.Api</c> process as their Orleans client. Every process is killed in
/// <see cref="DisposeAsync"/>, also when start-up fails. Fault tests kill, stop and restart single processes (same
/// ports, same arguments, same data and Redis directories); a process stopped on purpose does not count as a crash.
/// </summary>
public sealed class DistributedCluster : IAsyncLifetime
{
    /// <summary>Start-up of .NET hosts on a loaded 2-core CI machine can be slow; this is a ceiling, never a sleep.</summary>
    public static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(120);

    private readonly TemporaryDirectory temp = new();
    private readonly List<Node> nodes = [];
    private readonly List<ChildProcess> retired = [];
    private readonly List<string> timings = [];
    private readonly Stopwatch clock = new();
    private HttpClient? http;
    private int disposed;

    public string ServiceId { get; } = $"vnx-it-{Guid.NewGuid():N}"[..20];

    public string ClusterId { get; } = $"vnx-it-c-{Guid.NewGuid():N}"[..22];

    public string DataDir => Path.Combine(temp.Path, "data");

    public int RedisPort { get; private set; }

    public Uri ApiAddress { get; private set; } = null!;

    /// <summary>The API's operator port: <c>/health</c> with every check and <c>/metrics</c> answer only there.</summary>
    public Uri ApiOperatorAddress { get; private set; } = null!;

    /// <summary>The API key of the tenant the tests upload as, issued with the real <c>keys issue</c> command; <see cref="Api"/> sends it.</summary>
    public string ApiKey { get; private set; } = null!;

    public IReadOnlyList<Uri> SiloAddresses { get; private set; } = [];

    /// <summary>The names of the silo processes, <c>silo1</c> and <c>silo2</c>, in the order of <see cref="SiloAddresses"/>.</summary>
    public IReadOnlyList<string> SiloNames { get; } = ["silo1", "silo2"];

    /// <summary>The Redis hash of the membership table (orleans.md §2.3).</summary>
    public string MembershipKey => $"{ServiceId}/members/{ClusterId}";

    /// <summary>An HTTP client of the API process.</summary>
    public HttpClient Api => http ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>How long each start-up phase took (for the test output).</summary>
    public IReadOnlyList<string> Timings => timings;

    public async Task InitializeAsync()
    {
        clock.Start();
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return Task.CompletedTask;
        }

        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        http?.Dispose();

        // The API first, then the silos, redis last; each killed with its whole process tree.
        for (var i = nodes.Count - 1; i >= 0; i--)
        {
            nodes[i].Process?.Dispose();
        }

        retired.ForEach(p => p.Dispose());
        KeepLogs();

        temp.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The tail of every process log, to append to a failure message.</summary>
    public string LogTails(int lines = 40) =>
        string.Join("\n", retired.Concat(nodes.Select(n => n.Process).OfType<ChildProcess>()).Select(p => p.Tail(lines)));

    /// <summary>How many lines of the logs of every process (current and earlier instances) contain <paramref name="text"/>.</summary>
    public int CountLogLines(string text) =>
        retired.Concat(nodes.Select(n => n.Process).OfType<ChildProcess>()).Sum(p => p.CountLines(text));

    /// <summary>Waits for a condition with a deadline; fails early (with the logs) when one of the processes died.</summary>
    public async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? deadline = null)
    {
        try
        {
            return await Eventually.Until(
                async () =>
                {
                    if (nodes.FirstOrDefault(n => !n.Down && n.Process is { HasExited: true }) is { } dead)
                    {
                        throw new InvalidOperationException($"{dead.Name} exited while waiting for {what}.\n{LogTails()}");
                    }

                    return await probe();
                },
                done,
                what,
                deadline ?? StartDeadline);
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\n{LogTails()}", timeout);
        }
    }

    /// <summary>GET a path; the status and body, or status 0 with the error when the host does not answer (yet).</summary>
    public async Task<HttpAnswer> GetAsync(Uri address, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? Api.Timeout);
        try
        {
            using var response = await Api.GetAsync(address, limit.Token);
            return new HttpAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(limit.Token));
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException or IOException)
        {
            return new HttpAnswer(0, error.GetType().Name + ": " + error.Message);
        }
    }

    /// <summary>True while the named process runs (it was not killed or stopped and did not crash).</summary>
    public bool IsRunning(string name) => Find(name) is { Down: false, Process.HasExited: false };

    /// <summary><c>kill -9</c> of one silo (with its tesseract children); its Redis membership row stays Active until the survivor votes it dead.</summary>
    public void KillSilo(int index) => KillNode(SiloNames[index]);

    /// <summary>
    /// Stops <c>redis-server</c> the way an operator's restart does: <c>SHUTDOWN</c>, which fsyncs the append-only file
    /// and exits (a <c>kill -9</c> could lose the last second of writes with <c>appendfsync everysec</c>).
    /// </summary>
    public async Task StopRedisAsync()
    {
        var redis = Find("redis")!;
        redis.Down = true;
        try
        {
            await RespClient.CommandAsync(RedisPort, "SHUTDOWN");
        }
        catch (Exception error) when (error is IOException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            // SHUTDOWN answers by closing the connection.
        }

        if (!await redis.Process!.WaitForExitAsync(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"redis-server did not exit within 30 s of SHUTDOWN.\n{redis.Process.Tail()}");
        }
    }

    /// <summary>Starts <c>redis-server</c> again on the same port with the same directory (it replays the AOF) and waits for PING.</summary>
    public async Task RestartRedisAsync()
    {
        Restart(Find("redis")!);
        await WaitAsync(RedisAnswersAsync, pong => pong, $"redis-server on port {RedisPort} to answer PING after its restart", TimeSpan.FromSeconds(30));
    }

    /// <summary><c>kill -9</c> of the API process.</summary>
    public void KillApi() => KillNode("api");

    /// <summary>Starts the API process again on the same address; does not wait for it (clients retry).</summary>
    public void RestartApi() => Restart(Find("api")!);

    /// <summary>Restarts whatever an earlier test left down (redis, silos, API) and waits until the cluster is whole.</summary>
    public async Task EnsureWholeAsync()
    {
        var restarted = new List<string>();
        foreach (var node in nodes.Where(n => n.Down || n.Process is { HasExited: true }))
        {
            Restart(node);
            restarted.Add(node.Name);
            if (node.Name == "redis")
            {
                await WaitAsync(RedisAnswersAsync, pong => pong, $"redis-server on port {RedisPort} to answer PING", TimeSpan.FromSeconds(30));
            }
        }

        await WaitForWholeClusterAsync();
        if (restarted.Count > 0)
        {
            Mark($"restarted {string.Join(", ", restarted)}; the cluster is whole");
        }
    }

    /// <summary>The Prometheus text of one silo's <c>/metrics</c>.</summary>
    public async Task<string> SiloMetricsAsync(int index)
    {
        var answer = await GetAsync(new Uri(SiloAddresses[index], "/metrics"), TimeSpan.FromSeconds(15));
        return answer.Status == HttpStatusCode.OK
            ? answer.Body
            : throw new InvalidOperationException($"{SiloNames[index]} /metrics answered {answer}");
    }

    private async Task StartAsync()
    {
        var (root, configuration, framework) = LocateBuild();
        var siloDll = BuiltAssembly(root, "Silo", "VNexsus.Silo.dll", configuration, framework);
        var apiDll = BuiltAssembly(root, "Api", "VNexsus.Api.dll", configuration, framework);
        Directory.CreateDirectory(DataDir);

        var ports = FreePort.Many(9);
        RedisPort = ports[0];
        await StartRedisAsync();
        Mark("redis answers PING");

        var common = new[]
        {
            "--VNexsus:Mode=Distributed",
            $"--ConnectionStrings:Redis=127.0.0.1:{RedisPort}",
            $"--VNexsus:ServiceId={ServiceId}",
            $"--VNexsus:ClusterId={ClusterId}",
            $"--VNexsus:DataDir={DataDir}",
        };
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var silos = new List<Uri>();
        for (var i = 0; i < 2; i++)
        {
            var siloUrl = new Uri($"http://127.0.0.1:{ports[1 + i * 3]}");
            silos.Add(siloUrl);
            Launch($"silo{i + 1}", dotnet, [
                siloDll, "--urls", siloUrl.ToString().TrimEnd('/'), .. common,
                $"--VNexsus:SiloPort={ports[2 + i * 3]}", $"--VNexsus:GatewayPort={ports[3 + i * 3]}",
            ]);
        }

        SiloAddresses = silos;
        ApiAddress = new Uri($"http://127.0.0.1:{ports[7]}");
        ApiOperatorAddress = new Uri($"http://127.0.0.1:{ports[8]}");
        ApiKey = await IssueKeyAsync(dotnet, apiDll, "it", common);
        Launch("api", dotnet, [
            apiDll, "--urls", ApiAddress.ToString().TrimEnd('/'), .. common,
            "--VNexsus:Auth:Mode=ApiKeys", $"--VNexsus:OperatorUrls={ApiOperatorAddress.ToString().TrimEnd('/')}",
        ]);
        http = new HttpClient { BaseAddress = ApiAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", ApiKey);
        Mark("API key issued");

        foreach (var silo in SiloAddresses)
        {
            await WaitAsync(() => GetAsync(new Uri(silo, "/health")), a => a.Status == HttpStatusCode.OK, $"silo {silo} /health to answer 200");
        }

        Mark("both silos healthy");
        await WaitAsync(() => ActiveMembersAsync(MembershipKey), active => active.Count == 2, $"two Active (Status 3) entries in the Redis hash {MembershipKey}");
        Mark("two active silos in the Redis membership table");
        await WaitAsync(
            () => GetAsync(new Uri(ApiOperatorAddress, "/health")),
            a => a.Status == HttpStatusCode.OK && a.Body.Contains("2 active silo(s)", StringComparison.Ordinal),
            "the API /health to answer 200 with 2 active silos");
        Mark("API healthy and sees 2 silos");
    }

    /// <summary>Both silos healthy, exactly two Active rows in the membership hash, and the API sees two active silos.</summary>
    private async Task WaitForWholeClusterAsync()
    {
        foreach (var silo in SiloAddresses)
        {
            await WaitAsync(() => GetAsync(new Uri(silo, "/health"), TimeSpan.FromSeconds(10)), a => a.Status == HttpStatusCode.OK, $"silo {silo} /health to answer 200");
        }

        await WaitAsync(() => ActiveMembersAsync(MembershipKey), active => active.Count == 2, $"two Active (Status 3) entries in the Redis hash {MembershipKey}");
        await WaitAsync(
            () => GetAsync(new Uri(ApiOperatorAddress, "/health"), TimeSpan.FromSeconds(10)),
            a => a.Status == HttpStatusCode.OK && a.Body.Contains("2 active silo(s)", StringComparison.Ordinal),
            "the API /health to answer 200 with 2 active silos");
    }

    /// <summary>Runs <c>VNexsus.Api.dll keys issue</c> as an administrator would; the key is its only line on standard output.</summary>
    private static async Task<string> IssueKeyAsync(string dotnet, string apiDll, string tenant, IEnumerable<string> settings)
    {
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { apiDll, "keys", "issue", "--tenant", tenant }.Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(StartDeadline);
        await process.WaitForExitAsync(deadline.Token);
        return process.ExitCode == 0 && (await output).Trim() is { Length: > 0 } key
            ? key
            : throw new InvalidOperationException($"keys issue exited with {process.ExitCode}: {await error}");
    }

    private async Task StartRedisAsync()
    {
        var redisServer = new[] { Environment.GetEnvironmentVariable("REDIS_SERVER"), "/usr/bin/redis-server", "/usr/local/bin/redis-server" }
            .FirstOrDefault(p => p is { Length: > 0 } && File.Exists(p))
            ?? throw new InvalidOperationException("redis-server was not found (install the redis-server package or set REDIS_SERVER to its path).");
        var dir = Path.Combine(temp.Path, "redis");
        Directory.CreateDirectory(dir);
        Launch("redis", redisServer, [
            "--port", RedisPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--dir", dir,
            "--appendonly", "yes",
            "--save", "",
            "--daemonize", "no",
        ]);
        await WaitAsync(RedisAnswersAsync, pong => pong, $"redis-server on port {RedisPort} to answer PING", TimeSpan.FromSeconds(30));
    }

    /// <summary>True when redis-server answers PING; false while nothing listens or it still replays its AOF (<c>-LOADING</c>).</summary>
    private async Task<bool> RedisAnswersAsync()
    {
        try
        {
            return await RespClient.PingAsync(RedisPort);
        }
        catch (InvalidOperationException error) when (error.Message.Contains("LOADING", StringComparison.Ordinal))
        {
            return false;
        }
    }

    /// <summary>The silo fields of the membership hash whose JSON entry says <c>"Status": 3</c> (Active).</summary>
    private async Task<IReadOnlyList<string>> ActiveMembersAsync(string key)
    {
        var active = new List<string>();
        foreach (var (field, value) in await RespClient.HashGetAllAsync(RedisPort, key))
        {
            if (field == "Version" || value.Length == 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(value);
            if (json.RootElement.TryGetProperty("Status", out var status) && status.ValueKind == JsonValueKind.Number && status.GetInt32() == 3)
            {
                active.Add(field);
            }
        }

        return new ActiveList(active);
    }

    private void Launch(string name, string fileName, IEnumerable<string> arguments)
    {
        var node = new Node(name, fileName, [.. arguments]);
        nodes.Add(node);
        Restart(node);
    }

    /// <summary>Starts the node's process (again), with the same arguments; a later start logs to <c>name-2.log</c>, …</summary>
    private void Restart(Node node)
    {
        if (node.Process is { } old)
        {
            if (!old.HasExited)
            {
                throw new InvalidOperationException($"{node.Name} still runs as pid {old.Id}.");
            }

            retired.Add(old);
        }

        node.Starts++;
        var log = Path.Combine(temp.Path, node.Starts == 1 ? $"{node.Name}.log" : $"{node.Name}-{node.Starts}.log");
        node.Process = ChildProcess.Start(node.Name, node.FileName, node.Arguments, temp.Path, log);
        node.Down = false;
    }

    private void KillNode(string name)
    {
        var node = Find(name) ?? throw new ArgumentException($"No process named {name}.", nameof(name));
        node.Down = true;
        node.Process!.Kill();
    }

    private Node? Find(string name) => nodes.FirstOrDefault(n => n.Name == name);

    /// <summary>With <c>VNEXSUS_TEST_LOGS</c> set to a directory, every process log is copied there before the temporary directory goes.</summary>
    private void KeepLogs()
    {
        if (Environment.GetEnvironmentVariable("VNEXSUS_TEST_LOGS") is not { Length: > 0 } keep)
        {
            return;
        }

        try
        {
            var target = Path.Combine(keep, ServiceId);
            Directory.CreateDirectory(target);
            foreach (var log in Directory.EnumerateFiles(temp.Path, "*.log"))
            {
                File.Copy(log, Path.Combine(target, Path.GetFileName(log)), overwrite: true);
            }
        }
        catch (IOException)
        {
            // Best effort: the logs are a debugging aid.
        }
    }

    private void Mark(string what) => timings.Add($"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}");

    private void KillOnExit(object? sender, EventArgs e) => _ = DisposeAsync();

    /// <summary>
    /// The repository root (the folder of VNexsus.Orleans.sln) and the configuration and target framework this test
    /// assembly was built with, read from its output path <c>bin/&lt;Configuration&gt;/&lt;framework&gt;/</c>.
    /// </summary>
    private static (string Root, string Configuration, string Framework) LocateBuild()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent is { Parent.Name: "bin" } parent
            ? parent.Name
            : typeof(DistributedCluster).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
              ?? throw new InvalidOperationException($"Cannot tell the build configuration from the output path {output.FullName}.");
        if (!framework.StartsWith("net", StringComparison.Ordinal))
        {
            framework = "net10.0";
        }

        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VNexsus.Orleans.sln")))
            {
                return (dir.FullName, configuration, framework);
            }
        }

        throw new InvalidOperationException($"VNexsus.Orleans.sln was not found above {output.FullName}.");
    }

    private static string BuiltAssembly(string root, string project, string dll, string configuration, string framework)
    {
        var path = Path.Combine(root, "src", project, "bin", configuration, framework, dll);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} does not exist; build the solution with -c {configuration} first.", path);
    }

    /// <summary>One process of the cluster: how to start it, and its current instance.</summary>
    private sealed class Node(string name, string fileName, string[] arguments)
    {
        public string Name { get; } = name;

        public string FileName { get; } = fileName;

        public string[] Arguments { get; } = arguments;

        public ChildProcess? Process { get; set; }

        /// <summary>Killed or stopped on purpose: its exit is not a crash.</summary>
        public bool Down { get; set; }

        public int Starts { get; set; }
    }

    /// <summary>A list whose ToString names its items, so a timeout message shows which silos were active.</summary>
    private sealed class ActiveList(List<string> items) : List<string>(items)
    {
        public override string ToString() => $"[{string.Join(", ", this)}]";
    }
}

public sealed record HttpAnswer(HttpStatusCode Status, string Body)
{
    public override string ToString() => $"{(int)Status} {(Body.Length > 800 ? Body[..800] + " …" : Body)}";
}
