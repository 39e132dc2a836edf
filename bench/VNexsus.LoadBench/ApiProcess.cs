using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace VNexsus.LoadBench;

/// <summary>
/// The embedded-mode API as a process of its own (Release build, loopback, a temporary data directory), so its
/// resident memory and CPU time can be read from <c>/proc</c> apart from the load generator's.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public static async Task<ApiProcess> StartAsync(string apiDll, string workDir, string? cpus, CancellationToken cancellationToken)
    {
        var ports = VNexsus.Testing.FreePort.Many(3);
        var dataDir = Directory.CreateDirectory(Path.Combine(workDir, "data")).FullName;
        var contentRoot = Path.GetDirectoryName(Path.GetFullPath(apiDll))!;
        string[] arguments =
        [
            apiDll,
            "--urls", $"http://127.0.0.1:{ports[0]}",
            "--contentRoot", contentRoot,
            $"--VNexsus:DataDir={dataDir}",
            $"--VNexsus:SiloPort={ports[1]}",
            $"--VNexsus:GatewayPort={ports[2]}",
            // Request logging at Information writes a line per request; a service taking 1,000 req/s logs at Warning.
            "--Serilog:MinimumLevel:Default=Warning",
        ];
        var start = cpus is null
            ? new ProcessStartInfo("dotnet", arguments)
            : new ProcessStartInfo("taskset", ["-c", cpus, "dotnet", .. arguments]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the API.");
        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{ports[0]}"));
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await api.WaitUntilReadyAsync(cancellationToken);
        return api;
    }

    /// <summary>Resident set size from <c>/proc/{pid}/status</c> (VmRSS), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("VmRSS missing from /proc status.");
    }

    /// <summary>User plus system CPU time of the API process so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public string LogTail(int lines = 40)
    {
        lock (_log)
        {
            return string.Join('\n', _log.ToString().Split('\n').TakeLast(lines));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
            if (_log.Length > 200_000)
            {
                _log.Remove(0, 100_000);
            }
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {_process.ExitCode}:\n{LogTail()}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The API did not become ready in 90 s:\n{LogTail()}");
    }
}
