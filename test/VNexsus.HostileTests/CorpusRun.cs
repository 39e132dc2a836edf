using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VNexsus.Testing;

namespace VNexsus.HostileTests;

/// <summary>
/// Uploads hostile files through the HTTP API, each in its own job beside one valid text file, and checks what happened
/// to both against the file's <see cref="Expect"/>ation. Returns a description of every violation (empty when all held),
/// so one run reports every file that misbehaved, not just the first.
/// </summary>
public sealed class CorpusRun(ApiServer server, int parallelUploads)
{
    public int Refused { get; private set; }

    public int Failed { get; private set; }

    public int Completed { get; private set; }

    public async Task<IReadOnlyList<string>> RunAsync(IEnumerable<HostileFile> files)
    {
        using var slots = new SemaphoreSlim(parallelUploads);
        var runs = files.Select(async (file, index) =>
        {
            await slots.WaitAsync();
            try
            {
                return await CheckAsync(file, index);
            }
            catch (Exception error)
            {
                return $"{file}: {error.GetType().Name}: {error.Message}";
            }
            finally
            {
                slots.Release();
            }
        });
        return (await Task.WhenAll(runs)).OfType<string>().ToList();
    }

    private async Task<string?> CheckAsync(HostileFile file, int index)
    {
        var validName = $"valid-{Guid.NewGuid():N}.txt";
        var validMarker = $"확인표지 {Fixtures.UniqueMarker()}";
        var content = new Multipart()
            .File(file.FileName, file.ContentType, file.Bytes)
            .File(validName, "text/plain", Fixtures.UniqueText($"2024.03.07 내과 외래 진료\n{validMarker}"))
            .Build();
        using var response = await server.Http.PostAsync("/api/ocr/upload", content);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500)
        {
            return $"{file}: {(int)response.StatusCode} at upload: {body}";
        }

        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            lock (this)
            {
                Refused++;
            }

            return RefusalProblem(file, response.StatusCode, body, validName);
        }

        if (file.Expect == Expect.Refused)
        {
            return $"{file}: accepted, but must be refused at upload";
        }

        var jobId = JsonDocument.Parse(body).RootElement.GetProperty("jobId").GetString()!;
        var status = await server.WaitForStatusAsync(jobId, "completed", "failed");
        if (status.GetProperty("status").GetString() != "completed")
        {
            return $"{file}: the job ended {status.GetProperty("status").GetString()}, but its valid file should have completed it";
        }

        var result = await server.Http.GetFromJsonAsync<JsonElement>($"/api/ocr/result/{jobId}");
        var results = result.GetProperty("results");
        var valid = results.GetProperty("file_2");
        if (valid.TryGetProperty("error", out _) || !valid.GetProperty("mergedText").GetString()!.Contains(validMarker, StringComparison.Ordinal))
        {
            return $"{file}: the valid file of the same job did not complete with its text: {(valid.TryGetProperty("error", out var error) ? error.ToString() : "text without its marker")}";
        }

        return FileProblem(file, results.GetProperty("file_1"));
    }

    private string? RefusalProblem(HostileFile file, HttpStatusCode status, string body, string validName)
    {
        if (file.Expect is Expect.Failed or Expect.Read)
        {
            return $"{file}: refused with {(int)status} ({body}), but must be accepted";
        }

        var refusal = JsonDocument.Parse(body).RootElement;
        if (refusal.GetProperty("status").GetString() != "error" || string.IsNullOrWhiteSpace(refusal.GetProperty("code").GetString())
            || string.IsNullOrWhiteSpace(refusal.GetProperty("error").GetString()))
        {
            return $"{file}: a refusal without the v1 error body: {body}";
        }

        // Only the hostile file may be named as refused; the valid one beside it is not at fault.
        return body.Contains(validName, StringComparison.Ordinal) ? $"{file}: the refusal names the valid file too: {body}" : null;
    }

    private string? FileProblem(HostileFile file, JsonElement record)
    {
        var name = record.GetProperty("filename").GetString()!;
        if (name.IndexOfAny(['/', '\\']) >= 0 || name.Any(char.IsControl) || name.Length > 255)
        {
            return $"{file}: the stored name '{name}' is not a safe display name";
        }

        if (record.TryGetProperty("error", out _))
        {
            lock (this)
            {
                Failed++;
            }

            var message = record.GetProperty("errorMessage").GetString();
            var code = record.GetProperty("errorDetail").GetString();
            if (string.IsNullOrWhiteSpace(message) || string.IsNullOrWhiteSpace(code))
            {
                return $"{file}: failed without a clear message and code ({code}: {message})";
            }

            if (code is "EXTRACTION_ERROR")
            {
                return $"{file}: failed as a system error ({message}); a bad file is the file's fault";
            }

            if (file.Code is { } expected && code != expected)
            {
                return $"{file}: failed with {code} ({message}), expected {expected}";
            }

            return file.Expect == Expect.Read ? $"{file}: failed with {code} ({message}), but must be read safely" : null;
        }

        lock (this)
        {
            Completed++;
        }

        if (file.Expect is Expect.Failed or Expect.RefusedOrFailed)
        {
            return $"{file}: completed, but must fail with a clear error";
        }

        return file.Marker is { } marker && !record.GetProperty("mergedText").GetString()!.Contains(marker, StringComparison.Ordinal)
            ? $"{file}: completed without its text '{marker}'"
            : null;
    }
}
