using System.Diagnostics;
using System.Text;

namespace VNexsus.DistributedTests;

/// <summary>
/// A process started by a test: stdout and stderr go to one log file (so a failure can show what the process said),
/// and <see cref="Dispose"/> kills the whole process tree.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly Lock gate = new();
    private bool closed;

    private ChildProcess(string name, Process process, string logPath, StreamWriter log)
    {
        Name = name;
        this.process = process;
        LogPath = logPath;
        this.log = log;
    }

    public string Name { get; }

    public string LogPath { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory, string logPath)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child reads its settings from its command line only: nothing inherited from the developer's shell.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("VNexsus__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Serilog__", StringComparison.OrdinalIgnoreCase)
                || key is "ASPNETCORE_URLS" or "DOTNET_URLS" or "ASPNETCORE_HTTP_PORTS" or "ASPNETCORE_HTTPS_PORTS")
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var log = new StreamWriter(new FileStream(logPath, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete), new UTF8Encoding(false))
        {
            AutoFlush = true,
        };
        log.WriteLine($"# {fileName} {string.Join(' ', start.ArgumentList)}");
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process, logPath, log);
        process.OutputDataReceived += (_, e) => child.Write(e.Data);
        process.ErrorDataReceived += (_, e) => child.Write(e.Data is null ? null : "[stderr] " + e.Data);
        process.Exited += (_, _) => child.Write($"# exited with code {SafeExitCode(process)}");
        try
        {
            process.Start();
        }
        catch
        {
            log.Dispose();
            process.Dispose();
            throw;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// <c>kill -9</c>: SIGKILL to the process and its children (tesseract, pdftoppm), no graceful shutdown, then waits
    /// until it is gone. The log stays readable until <see cref="Dispose"/>.
    /// </summary>
    public void Kill()
    {
        Write("# killed by the test (SIGKILL)");
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Exited between the check and the kill.
        }

        process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <summary>True when the process exited within <paramref name="deadline"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return process.HasExited;
        }
    }

    /// <summary>How many lines of the log contain <paramref name="text"/>.</summary>
    public int CountLines(string text)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var count = 0;
            while (reader.ReadLine() is { } line)
            {
                count += line.Contains(text, StringComparison.Ordinal) ? 1 : 0;
            }

            return count;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Tail(int lines = 40)
    {
        string[] all;
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            all = reader.ReadToEnd().Split('\n');
        }
        catch (IOException error)
        {
            return $"(log {LogPath} unreadable: {error.Message})";
        }

        var tail = all.Where(l => l.Length > 0).TakeLast(lines).Select(l => l.Length > 600 ? l[..600] + " …" : l.TrimEnd('\r'));
        var state = HasExited ? $"exited with code {SafeExitCode(process)}" : $"running as pid {process.Id}";
        return $"----- {Name} ({state}; log {LogPath}), last {lines} lines -----\n{string.Join('\n', tail)}";
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting; nothing left to kill.
        }

        if (process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            // The parameterless wait also drains the redirected output.
            process.WaitForExit();
        }

        lock (gate)
        {
            closed = true;
            log.Dispose();
        }

        process.Dispose();
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            if (!closed)
            {
                log.WriteLine(line);
            }
        }
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }
}
