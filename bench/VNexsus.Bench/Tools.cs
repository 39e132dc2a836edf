using System.Diagnostics;

namespace VNexsus.Bench;

/// <summary>A failure that stops the benchmark with a message (exit code 1).</summary>
public sealed class BenchFailure(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>External command-line tools (poppler-utils, qpdf).</summary>
public static class Tools
{
    /// <summary>The full path of an executable on PATH, else null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    public static string Require(string name, string hint) =>
        Find(name) ?? throw new BenchFailure($"'{name}' is not on PATH ({hint}).");

    /// <summary>Runs a tool to completion and returns its wall-clock time, start-up included; throws unless it exits 0 (or one of <paramref name="alsoSuccess"/>).</summary>
    public static async Task<TimeSpan> RunAsync(string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken, params int[] alsoSuccess)
    {
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new BenchFailure($"Could not start {executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(stdout, stderr);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (process.ExitCode != 0 && !alsoSuccess.Contains(process.ExitCode))
        {
            throw new BenchFailure($"{Path.GetFileName(executable)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {(await stderr).Trim()}");
        }

        return elapsed;
    }
}
