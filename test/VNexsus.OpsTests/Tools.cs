using System.Diagnostics;

namespace VNexsus.OpsTests;

/// <summary>The repository's folders and the command-line tools the operations tests run (promtool, amtool, redis-server).</summary>
internal static class Tools
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Docker(params string[] parts) => Path.Combine([RepositoryRoot, "docker", .. parts]);

    /// <summary>The tool's path; a missing tool fails the test with the package that provides it (scripts/install-deps test).</summary>
    public static string Require(string name, string package)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/local/bin"))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"{name} was not found: install the Debian package {package} (scripts/install-deps test does).");
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, string? input = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var errors = process.StandardError.ReadToEndAsync(limit.Token);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, (await output) + (await errors));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VNexsus.Orleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"VNexsus.Orleans.sln was not found above {AppContext.BaseDirectory}.");
    }
}
