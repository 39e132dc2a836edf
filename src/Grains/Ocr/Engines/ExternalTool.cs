using System.ComponentModel;
using System.Diagnostics;

namespace VNexsus.Ocr.Engines;

/// <summary>
/// What one run of a tool may use: wall-clock time (the process tree is killed after it) and, when set, address space
/// (<c>prlimit --as</c>, so an allocation past it fails inside the tool, which then exits or aborts).
/// </summary>
public sealed record ToolLimits(TimeSpan Time, long? MemoryBytes = null)
{
    public static ToolLimits Of(TimeSpan time, int memoryMegabytes) => new(time, memoryMegabytes * 1024L * 1024);
}

/// <summary>
/// Runs a command-line tool the OCR stage relies on (tesseract, pdftoppm): input on stdin, output from stdout, killed
/// with its children when it outlives its time limit, and started under util-linux's <c>prlimit</c> when it has a
/// memory limit (no core dumps either). Failures become <see cref="OcrEngineException"/>s that say what went wrong
/// without quoting the tool's output (which could hold document text).
/// </summary>
public static class ExternalTool
{
    private const string Prlimit = "prlimit";

    /// <summary>Exit codes from 128 up mean the tool died of a signal (abort, segmentation fault, kill).</summary>
    private const int SignalExitBase = 128;

    public static async Task<byte[]> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        byte[]? input,
        ToolLimits limits,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var tool = Path.GetFileName(fileName);
        if (limits.MemoryBytes is not null && !IsInstalled(fileName))
        {
            // Behind prlimit a missing tool would look like a failed page.
            throw new OcrEngineException(OcrFailureKind.Configuration, $"{fileName} is not installed (scripts/install-deps installs it)");
        }

        var start = new ProcessStartInfo(limits.MemoryBytes is null ? fileName : Prlimit)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (limits.MemoryBytes is { } addressSpace)
        {
            foreach (var argument in (string[])[$"--as={addressSpace}", "--core=0", "--", fileName])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Start(start, fileName);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(limits.Time);
        try
        {
            using var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output, limit.Token);
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            if (input is not null)
            {
                await process.StandardInput.BaseStream.WriteAsync(input, limit.Token);
                process.StandardInput.Close();
            }

            await process.WaitForExitAsync(limit.Token);
            await reading;
            await errors;
            return process.ExitCode switch
            {
                0 => output.ToArray(),
                _ when process.ExitCode >= SignalExitBase && limits.MemoryBytes is { } memory => throw new OcrEngineException(OcrFailureKind.InvalidInput,
                    $"{tool}이(가) 페이지를 처리하다 비정상 종료되었습니다. 메모리 한도 {memory / (1024 * 1024)}MB를 넘었을 수 있습니다 (signal {process.ExitCode - SignalExitBase})"),
                _ => throw new OcrEngineException(OcrFailureKind.InvalidInput, $"{tool}이(가) 페이지를 읽지 못했습니다 (exit code {process.ExitCode})"),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OcrEngineException(OcrFailureKind.InvalidInput, $"{tool}이(가) 페이지를 {limits.Time.TotalSeconds:0}초 안에 끝내지 못해 중단했습니다 (time limit)");
        }
        catch (IOException error)
        {
            throw new OcrEngineException(OcrFailureKind.InvalidInput, $"{tool}이(가) 페이지를 읽는 중에 멈췄습니다 (stopped while reading the page)", inner: error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process Start(ProcessStartInfo start, string tool)
    {
        try
        {
            return Process.Start(start) ?? throw new OcrEngineException(OcrFailureKind.Configuration, $"{tool} could not be started");
        }
        catch (Win32Exception error)
        {
            throw new OcrEngineException(OcrFailureKind.Configuration, $"{start.FileName} is not installed (scripts/install-deps installs it)", inner: error);
        }
    }

    private static bool IsInstalled(string fileName) =>
        fileName.Contains('/')
            ? File.Exists(fileName)
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, fileName)));
}
