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
/// <see cref="DisposeAsync"/>, also when start-up fails.
/// </summary>
public sealed class DistributedCluster : IAsyncLifetime
{
    /// <summary>Start-up of .NET hosts on a loaded 2-core CI machine can be slow; this is a ceiling, never a sleep.</summary>
    public static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(120);

    private readonly TemporaryDirectory temp = new();
    private readonly List<ChildProcess> processes = [];
    private readonly List<string> timings = [];
    private readonly Stopwatch clock = new();
    private HttpClient? http;
    private int disposed;

    public string ServiceId { get; } = $"vnx-it-{Guid.NewGuid():N}"[..20];

    public string ClusterId { get; } = $"vnx-it-c-{Guid.NewGuid():N}"[..22];

    public string DataDir => Path.Combine(temp.Path, "data");

    public int RedisPort { get; private set; }

    public Uri ApiAddress { get; private set; } = null!;

    public IReadOnlyList<Uri> SiloAddresses { get; private set; } = [];

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
        for (var i = processes.Count - 1; i >= 0; i--)
        {
            processes[i].Dispose();
        }

        temp.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The tail of every process log, to append to a failure message.</summary>
    public string LogTails(int lines = 40) =>
        string.Join("\n", processes.Select(p => p.Tail(lines)));

    /// <summary>Waits for a condition with a deadline; fails early (with the logs) when one of the processes died.</summary>
    public async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? deadline = null)
    {
        try
        {
            return await Eventually.Until(
                async () =>
                {
                    if (processes.FirstOrDefault(p => p.HasExited) is { } dead)
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

    /// <summary>GET a path; the status and body, or status 0 with the error when the host does not answer yet.</summary>
    public async Task<HttpAnswer> GetAsync(Uri address)
    {
        try
        {
            using var response = await Api.GetAsync(address);
            return new HttpAnswer(response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return new HttpAnswer(0, error.GetType().Name + ": " + error.Message);
        }
    }

    private async Task StartAsync()
    {
        var (root, configuration, framework) = LocateBuild();
        var siloDll = BuiltAssembly(root, "Silo", "VNexsus.Silo.dll", configuration, framework);
        var apiDll = BuiltAssembly(root, "Api", "VNexsus.Api.dll", configuration, framework);
        Directory.CreateDirectory(DataDir);

        var ports = DistinctFreePorts(8);
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
        Launch("api", dotnet, [apiDll, "--urls", ApiAddress.ToString().TrimEnd('/'), .. common]);
        http = new HttpClient { BaseAddress = ApiAddress, Timeout = TimeSpan.FromSeconds(60) };

        foreach (var silo in SiloAddresses)
        {
            await WaitAsync(() => GetAsync(new Uri(silo, "/health")), a => a.Status == HttpStatusCode.OK, $"silo {silo} /health to answer 200");
        }

        Mark("both silos healthy");
        var membershipKey = $"{ServiceId}/members/{ClusterId}";
        await WaitAsync(() => ActiveMembersAsync(membershipKey), active => active.Count == 2, $"two Active (Status 3) entries in the Redis hash {membershipKey}");
        Mark("two active silos in the Redis membership table");
        await WaitAsync(
            () => GetAsync(new Uri(ApiAddress, "/health")),
            a => a.Status == HttpStatusCode.OK && a.Body.Contains("2 active silo(s)", StringComparison.Ordinal),
            "the API /health to answer 200 with 2 active silos");
        Mark("API healthy and sees 2 silos");
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
        await WaitAsync(() => RespClient.PingAsync(RedisPort), pong => pong, $"redis-server on port {RedisPort} to answer PING", TimeSpan.FromSeconds(30));
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

    private void Launch(string name, string fileName, IEnumerable<string> arguments) =>
        processes.Add(ChildProcess.Start(name, fileName, arguments, temp.Path, Path.Combine(temp.Path, $"{name}.log")));

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

    private static int[] DistinctFreePorts(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count)
        {
            ports.Add(FreePort.Next());
        }

        return [.. ports];
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
