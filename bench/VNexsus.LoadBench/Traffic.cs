using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace VNexsus.LoadBench;

public enum RequestKind
{
    Upload,
    Status,
    Result,
}

/// <summary>
/// The mixed traffic: uploads of one small document the cluster has already extracted (each upload is a new job served
/// from the OCR cache), status polls and result fetches of jobs uploaded before. A request succeeds only with the status
/// code a client expects: 202 for an upload, 200 for a status or a finished job's result.
/// </summary>
public sealed class Traffic(HttpClient http, byte[] document, string fileName)
{
    private const int KeptJobs = 1024;
    private readonly string[] _jobs = new string[KeptJobs];
    private long _jobCount;

    public long JobCount => Interlocked.Read(ref _jobCount);

    public async Task<bool> SendAsync(RequestKind kind, long sequence, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case RequestKind.Upload:
                return await UploadAsync(cancellationToken) is not null;
            case RequestKind.Status:
            {
                using var response = await http.GetAsync($"/api/ocr/status/{PickJob(sequence)}", HttpCompletionOption.ResponseContentRead, cancellationToken);
                return response.StatusCode == HttpStatusCode.OK;
            }

            default:
            {
                using var response = await http.GetAsync($"/api/ocr/result/{PickJob(sequence)}", HttpCompletionOption.ResponseContentRead, cancellationToken);
                return response.StatusCode == HttpStatusCode.OK;
            }
        }
    }

    /// <summary>Uploads the document; the job id, or null when the answer was not 202.</summary>
    public async Task<string?> UploadAsync(CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(document);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "files", fileName);
        using var response = await http.PostAsync("/api/ocr/upload", form, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return null;
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        var jobId = body.RootElement.GetProperty("jobId").GetString()!;
        var index = Interlocked.Increment(ref _jobCount) - 1;
        _jobs[index % KeptJobs] = jobId;
        return jobId;
    }

    public async Task<string> StatusOfAsync(string jobId, CancellationToken cancellationToken)
    {
        using var body = JsonDocument.Parse(await http.GetStringAsync($"/api/ocr/status/{jobId}", cancellationToken));
        return body.RootElement.GetProperty("status").GetString()!;
    }

    /// <summary>Spreads polls over the kept jobs without shared random state.</summary>
    private string PickJob(long sequence)
    {
        var known = Math.Min(JobCount, KeptJobs);
        return _jobs[(int)((sequence * 7919) % known)];
    }
}
