using System.Diagnostics;
using VNexsus.Storage;

namespace VNexsus.Accuracy;

/// <summary>
/// Image-only scans of golden PDFs at one scan profile of the OCR corpus (clean, light, heavy), made by
/// <c>bench/ocr-corpus/scan_pdf.py</c> with that corpus's own degradation. A scan is made once and kept under
/// <c>{cache}/{generator version}/{profile}/{input SHA-256}.pdf</c>; the generator version hashes both scripts, so
/// changing the degradation makes new scans instead of reusing stale ones.
/// </summary>
public sealed class ScanCopies
{
    public static readonly IReadOnlyList<string> Profiles = ["clean", "light", "heavy"];

    /// <summary>Debian's interpreter, which sees python3-pil and python3-img2pdf (a pyenv or venv python may not).</summary>
    private const string Python = "/usr/bin/python3";

    private readonly string script;
    private readonly string folder;

    public ScanCopies(string profile, string cacheFolder, string? repositoryStart = null)
    {
        if (!Profiles.Contains(profile))
        {
            throw new ArgumentException($"unknown scan profile \"{profile}\" (expected {string.Join(", ", Profiles)})", nameof(profile));
        }

        Profile = profile;
        script = FindScript(repositoryStart);
        var generator = Path.Combine(Path.GetDirectoryName(script)!, "generate.py");
        Version = ContentHash.Of(File.ReadAllText(generator) + File.ReadAllText(script))[..12];
        folder = Path.Combine(cacheFolder, Version, profile);
    }

    /// <summary><c>$XDG_CACHE_HOME/vnexsus/scanned-golden</c>, or <c>~/.cache/vnexsus/scanned-golden</c>.</summary>
    public static string DefaultCacheFolder =>
        Path.Combine(
            Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache
                ? cache
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "vnexsus", "scanned-golden");

    public string Profile { get; }

    /// <summary>The first 12 hex digits of the SHA-256 of generate.py and scan_pdf.py.</summary>
    public string Version { get; }

    /// <summary>The scan of <paramref name="pdf"/>, made now unless the cache holds it.</summary>
    public async Task<string> ScanAsync(string pdf, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, ContentHash.Of(await File.ReadAllBytesAsync(pdf, cancellationToken)) + ".pdf");
        if (!File.Exists(target))
        {
            Directory.CreateDirectory(folder);
            await RunScriptAsync(pdf, target, cancellationToken);
        }

        return target;
    }

    /// <summary>Runs the script; its error output (a missing package, an unreadable PDF) becomes the exception's message.</summary>
    private async Task RunScriptAsync(string pdf, string target, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[script, "--profile", Profile, pdf, target])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} could not be started");
        try
        {
            var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"scan_pdf.py --profile {Profile} failed on {pdf} (exit code {process.ExitCode}): {errors.Trim()}");
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static string FindScript(string? start)
    {
        foreach (var origin in new[] { start, Environment.CurrentDirectory, AppContext.BaseDirectory }.OfType<string>())
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bench", "ocr-corpus", "scan_pdf.py");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("bench/ocr-corpus/scan_pdf.py not found above the working directory or the binaries");
    }
}
