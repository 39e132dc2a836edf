using System.ComponentModel;
using System.Diagnostics;

namespace VNexsus.Ocr.Engines;

/// <summary>
/// Runs a command-line tool the OCR stage relies on (tesseract, pdftoppm): input on stdin, output from stdout, killed
/// with its children when it outlives its time limit. Failures become <see cref="OcrEngineException"/>s that say what
/// went wrong without quoting the tool's output (which could hold document text).
/// </summary>
public static class ExternalTool
{
    public static async Task<byte[]> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        byte[]? input,
        TimeSpan timeLimit,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Start(start);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeLimit);
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
            return process.ExitCode == 0
                ? output.ToArray()
                : throw new OcrEngineException(OcrFailureKind.InvalidInput, $"{Path.GetFileName(fileName)} could not read the page (exit code {process.ExitCode})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OcrEngineException(OcrFailureKind.InvalidInput, $"{Path.GetFileName(fileName)} took longer than {timeLimit.TotalSeconds:0} s on the page");
        }
        catch (IOException error)
        {
            throw new OcrEngineException(OcrFailureKind.InvalidInput, $"{Path.GetFileName(fileName)} stopped while reading the page", inner: error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new OcrEngineException(OcrFailureKind.Configuration, $"{start.FileName} could not be started");
        }
        catch (Win32Exception error)
        {
            throw new OcrEngineException(OcrFailureKind.Configuration, $"{start.FileName} is not installed (scripts/install-deps installs it)", inner: error);
        }
    }
}
