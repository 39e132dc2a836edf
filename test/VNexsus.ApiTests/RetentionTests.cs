using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VNexsus.Testing;

namespace VNexsus.ApiTests;

/// <summary>
/// <c>DELETE …?purge=true</c> forgets a job and every document only it held; documents shared with another job stay
/// until that job is purged too. Checked on the disk itself.
/// </summary>
public sealed class PurgeTests : OwnServerTest
{

    [Fact]
    public async Task A_purged_job_leaves_nothing_on_disk_while_a_job_sharing_its_documents_works_until_it_is_purged_too()
    {
        var marker = Fixtures.UniqueMarker();
        var text = Encoding.UTF8.GetBytes($"2024.03.07 내과 외래 진료\n고유번호 {marker}\n");
        var pdf = Fixtures.Bytes(Fixtures.OutpatientPdf).Concat(Encoding.ASCII.GetBytes($"%{marker}")).ToArray();
        var hashes = new[] { text, pdf }.Select(b => Convert.ToHexStringLower(SHA256.HashData(b))).ToArray();
        Multipart Upload() => new Multipart().File("기록.txt", "text/plain", text).File("진료기록.pdf", "application/pdf", pdf).Field("insuranceJoinDate", "2024-06-01");
        var idempotencyKey = Guid.NewGuid().ToString();

        var first = await UploadAsync(Upload(), idempotencyKey);
        await Server.WaitForStatusAsync(first, "completed");
        await AssertServedAsync(first);
        var second = await UploadAsync(Upload());
        await Server.WaitForStatusAsync(second, "completed");
        await AssertServedAsync(second);
        Assert.NotEmpty(DataDirectory.Remnants(first, hashes[0], hashes[1], marker));

        var purged = await Server.Http.DeleteAsync($"/api/ocr/jobs/{first}?purge=true");

        Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
        Assert.Equal("purged", (await purged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Server.Http.GetAsync($"/api/ocr/status/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Server.Http.GetAsync($"/api/jobs/{first}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Server.Http.DeleteAsync($"/api/ocr/jobs/{first}?purge=true")).StatusCode);
        AssertNoRemnants(DataDirectory.Remnants(first));

        // The second job shares both documents and the analysis (same files, names and inputs): all still served.
        await AssertServedAsync(second);
        Assert.Contains(marker, await Server.Http.GetStringAsync($"/api/ocr/result/{second}"));

        // The purge forgot the idempotency key: it now starts a new job.
        var third = await PostAsync(Upload(), idempotencyKey);
        Assert.False(third.GetProperty("idempotentReused").GetBoolean());
        var thirdId = third.GetProperty("jobId").GetString()!;
        Assert.NotEqual(first, thirdId);
        await Server.WaitForStatusAsync(thirdId, "completed");

        Assert.Equal(HttpStatusCode.OK, (await Server.Http.DeleteAsync($"/api/ocr/jobs/{second}?purge=true")).StatusCode);
        await AssertServedAsync(thirdId);
        Assert.Equal(HttpStatusCode.OK, (await Server.Http.DeleteAsync($"/api/ocr/jobs/{thirdId}?purge=true")).StatusCode);

        AssertNoRemnants(DataDirectory.Remnants(first, second, thirdId, hashes[0], hashes[1], marker, "HbA1c"));
        foreach (var area in new[] { "blobs", "extractions", "analyses", "page-images", "staging" })
        {
            var folder = Path.Combine(DataDirectory.Path, area);
            Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length == 0, $"{area} still holds files");
        }
    }

    [Fact]
    public async Task A_job_is_purged_while_it_runs_and_an_unknown_job_is_not_found()
    {
        var scan = Fixtures.Bytes(Fixtures.ScannedPdf).Concat(Encoding.ASCII.GetBytes($"%{Guid.NewGuid():N}")).ToArray();
        var jobId = await UploadAsync(new Multipart().File("scan.pdf", "application/pdf", scan));

        var purged = await Server.Http.DeleteAsync($"/api/ocr/jobs/{jobId}?purge=true");

        Assert.True(purged.StatusCode == HttpStatusCode.OK, await purged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Server.Http.DeleteAsync($"/api/ocr/jobs/{Guid.NewGuid()}?purge=true")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Server.Http.GetAsync($"/api/ocr/status/{jobId}")).StatusCode);
        AssertNoRemnants(DataDirectory.Remnants(jobId, Convert.ToHexStringLower(SHA256.HashData(scan))));
    }

    private static void AssertNoRemnants(List<string> remnants) => Assert.True(remnants.Count == 0, string.Join("\n", remnants));

    private async Task AssertServedAsync(string jobId)
    {
        foreach (var path in new[]
                 {
                     $"/api/ocr/result/{jobId}", $"/api/jobs/{jobId}/report", $"/api/jobs/{jobId}/report?insuranceJoinDate=2023-01-01",
                     $"/api/ocr/blocks/{jobId}?file=2&page=1", $"/api/ocr/page-image/{jobId}/2/1",
                 })
        {
            var response = await Server.Http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task<string> UploadAsync(Multipart upload, string? idempotencyKey = null) =>
        (await PostAsync(upload, idempotencyKey)).GetProperty("jobId").GetString()!;

    private async Task<JsonElement> PostAsync(Multipart upload, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ocr/upload") { Content = upload.Build() };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await Server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload answered {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}

/// <summary>With a retention period of seconds, a job's expiry reminder purges it without anyone asking.</summary>
public sealed class ExpiryTests : OwnServerTest
{
    protected override Task<string[]> SettingsAsync() => Task.FromResult(new[] { "--VNexsus:Retention:Period=00:00:03" });

    [Fact]
    public async Task A_job_is_purged_from_disk_when_its_retention_period_has_passed()
    {
        var text = Fixtures.UniqueText();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(text));
        var upload = await Server.Http.PostAsync("/api/ocr/upload", new Multipart().File("a.txt", "text/plain", text).Build());
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var jobId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;

        // Only the disk is watched: asking for the job would purge it on the spot and hide a reminder that never fires.
        await Eventually.Until(() => Task.FromResult(string.Join("\n", DataDirectory.Remnants(jobId, sha256))), r => r.Length == 0, "the expired job to leave the disk", TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.NotFound, (await Server.Http.GetAsync($"/api/ocr/status/{jobId}")).StatusCode);
    }
}

public static class DataDirectoryWalk
{
    /// <summary>
    /// Every file under the data directory whose name or content holds one of <paramref name="needles"/> (ASCII, so
    /// JSON escaping cannot hide them). The logs are left out: they carry job ids by design and roll on their own.
    /// </summary>
    public static List<string> Remnants(this TemporaryDirectory directory, params string[] needles)
    {
        var logs = Path.Combine(directory.Path, "logs") + Path.DirectorySeparatorChar;
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory.Path, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(logs, StringComparison.Ordinal)))
        {
            string content;
            try
            {
                content = Encoding.Latin1.GetString(File.ReadAllBytes(file));
            }
            catch (IOException)
            {
                continue; // deleted while walking
            }

            found.AddRange(needles.Where(n => file.Contains(n, StringComparison.OrdinalIgnoreCase) || content.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => $"{file}: {n}"));
        }

        return found;
    }
}
