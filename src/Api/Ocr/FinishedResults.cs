using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace VNexsus.Api.Ocr;

/// <summary>A result body as sent: its bytes, content type and (for the text format) the download name.</summary>
public sealed record ResultBody(byte[] Bytes, string ContentType, string? FileName)
{
    public const string JsonType = "application/json; charset=utf-8";

    public IResult ToResult() => FileName is null ? Results.Bytes(Bytes, ContentType) : Results.File(Bytes, ContentType, FileName);
}

/// <summary>
/// The result bodies of finished jobs, kept for a minute after they were made, so a client fetching a result again (or
/// several clients fetching it) costs a lookup instead of a job, page and analysis read and a serialisation. Only a
/// job that has finished is kept: its files, extractions and analysis were stored before it finished, and a finished
/// job stays finished. Keyed by tenant and job, so another tenant's request misses and is answered as before (404);
/// bounded in bytes, and a body larger than a sixteenth of the bound is never kept.
/// </summary>
public sealed class FinishedResults(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IDisposable
{
    public const long MaxBytes = 64L * 1024 * 1024;
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _bodies = new(new MemoryCacheOptions { SizeLimit = MaxBytes });

    public ResultBody? Find(string tenantId, string jobId, bool asText) =>
        _bodies.TryGetValue(new Key(tenantId, jobId, asText), out ResultBody? body) ? body : null;

    /// <summary>The JSON body of <paramref name="result"/>, serialised as <c>Results.Json</c> would, and kept.</summary>
    public ResultBody KeepJson(string tenantId, string jobId, object result) =>
        Keep(new Key(tenantId, jobId, AsText: false), new ResultBody(JsonSerializer.SerializeToUtf8Bytes(result, json.Value.SerializerOptions), ResultBody.JsonType, null));

    public ResultBody KeepText(string tenantId, string jobId, byte[] text, string fileName) =>
        Keep(new Key(tenantId, jobId, AsText: true), new ResultBody(text, "text/plain; charset=utf-8", fileName));

    /// <summary>
    /// Drops the job's bodies when it is purged. Another API node may still serve its copy for at most <see cref="KeptFor"/>.
    /// </summary>
    public void Forget(string tenantId, string jobId)
    {
        _bodies.Remove(new Key(tenantId, jobId, AsText: false));
        _bodies.Remove(new Key(tenantId, jobId, AsText: true));
    }

    public void Dispose() => _bodies.Dispose();

    private ResultBody Keep(Key key, ResultBody body)
    {
        if (body.Bytes.Length <= MaxBytes / 16)
        {
            _bodies.Set(key, body, new MemoryCacheEntryOptions { Size = body.Bytes.Length, AbsoluteExpirationRelativeToNow = KeptFor });
        }

        return body;
    }

    private sealed record Key(string TenantId, string JobId, bool AsText);
}
