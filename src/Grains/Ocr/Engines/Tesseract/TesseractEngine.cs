using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>
/// Debian's Tesseract 5 as a child process per page: the image goes in on stdin, TSV comes out on stdout. A process
/// per page isolates crashes and runaway pages (killed at the page timeout). <c>OMP_THREAD_LIMIT=1</c> is set because
/// the OpenMP build is 4.8× slower per page without it; parallelism comes from running one page per core.
/// </summary>
public sealed class TesseractEngine(IOptions<TesseractOptions> options) : IOcrEngine
{
    private TesseractOptions Settings => options.Value;

    public string Profile => $"tesseract-{Settings.Languages}-psm{Settings.PageSegmentationMode}-v1";

    public async Task<RecognizedPage> RecognizeAsync(PageImage page, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Settings.Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "stdin", "stdout", "-l", Settings.Languages, "--psm", Settings.PageSegmentationMode.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", "tessedit_do_invert=0", "tsv" },
            Environment = { ["OMP_THREAD_LIMIT"] = "1" },
        };

        using (var process = ExternalTool.Start(start))
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(Settings.PageTimeout);
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
                var errors = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.StandardInput.BaseStream.WriteAsync(page.Bytes, timeout.Token);
                process.StandardInput.Close();
                await process.WaitForExitAsync(timeout.Token);
                var tsv = await output;
                await errors;
                if (process.ExitCode != 0)
                {
                    // stderr may quote nothing of the page, but keep it out of messages anyway: only the exit code.
                    throw new OcrEngineException(OcrFailureKind.InvalidInput, $"tesseract could not read the page (exit code {process.ExitCode})");
                }

                return new RecognizedPage(page.Width, page.Height, TesseractTsv.Parse(tsv));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new OcrEngineException(OcrFailureKind.InvalidInput, $"tesseract took longer than {Settings.PageTimeout.TotalSeconds:0} s on the page");
            }
            catch (IOException error)
            {
                throw new OcrEngineException(OcrFailureKind.InvalidInput, "tesseract stopped while reading the page", inner: error);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
    }
}
