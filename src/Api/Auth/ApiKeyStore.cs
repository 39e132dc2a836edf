using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using VNexsus.Storage;

namespace VNexsus.Api.Auth;

/// <summary>What a key opens: one tenant's documents, or the operator endpoints that need a key (the Orleans dashboard).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiKeyScope>))]
public enum ApiKeyScope
{
    Tenant,
    Operator,
}

/// <summary>
/// An issued API key as stored: never the key itself, only its SHA-256. A tenant key has its tenant; an operator key
/// has none, so it reads no tenant's documents, and a tenant key never opens the dashboard. Files written before
/// scopes existed hold tenant keys only, and read back as such.
/// </summary>
public sealed record ApiKeyRecord(
    string KeyId,
    string? TenantId,
    string Sha256,
    DateTimeOffset CreatedAt,
    bool Revoked = false,
    DateTimeOffset? RevokedAt = null,
    ApiKeyScope Scope = ApiKeyScope.Tenant);

/// <summary>A key as issued: its record, and the key itself, shown to the administrator once.</summary>
public sealed record IssuedApiKey(ApiKeyRecord Record, string Key);

/// <summary>
/// The API keys of every tenant, in one JSON file under the data directory (<c>auth/api-keys.json</c>) that every API
/// node of a cluster shares. A key is <c>vnx_&lt;keyId&gt;_&lt;secret&gt;</c> with 256 random bits of secret; the file keeps
/// its key id, tenant, creation time, revocation and the SHA-256 of the whole key, compared in constant time. A fast
/// hash is enough: the keys are random, not passwords, so there is nothing to guess from a hash. The file is re-read
/// whenever it changes, so a key issued or revoked on one node counts on every node at its next request.
/// </summary>
public sealed partial class ApiKeyStore(string path, TimeProvider clock)
{
    public const string Prefix = "vnx_";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly TimeSpan LockDeadline = TimeSpan.FromSeconds(30);
    private volatile Snapshot _snapshot = Snapshot.Empty;

    public string Path { get; } = path;

    /// <summary>The store of a data directory.</summary>
    public static ApiKeyStore In(string dataDirectory, TimeProvider clock) =>
        new(System.IO.Path.Combine(System.IO.Path.GetFullPath(dataDirectory), "auth", "api-keys.json"), clock);

    /// <summary>Tenant ids: lower-case letters, digits, '-' and '_', at most 64, starting with a letter or digit.</summary>
    public static bool IsTenantId(string tenantId) => TenantIdPattern().IsMatch(tenantId);

    /// <summary>The record of a valid, unrevoked key; null for anything else.</summary>
    public ApiKeyRecord? Verify(string presentedKey)
    {
        if (!TryParse(presentedKey, out var keyId) || !Current().ById.TryGetValue(keyId, out var record) || record.Revoked)
        {
            return null;
        }

        var expected = Convert.FromHexString(record.Sha256);
        return CryptographicOperations.FixedTimeEquals(expected, HashOf(presentedKey)) ? record : null;
    }

    public IReadOnlyList<ApiKeyRecord> List() => Current().Records;

    public Task<IssuedApiKey> IssueAsync(string tenantId) =>
        IsTenantId(tenantId)
            ? IssueAsync(tenantId, ApiKeyScope.Tenant)
            : throw new ArgumentException($"'{tenantId}' is not a tenant id: use lower-case letters, digits, '-' and '_' (at most 64).", nameof(tenantId));

    /// <summary>A key for operators: the dashboard, never a tenant's documents.</summary>
    public Task<IssuedApiKey> IssueOperatorKeyAsync() => IssueAsync(null, ApiKeyScope.Operator);

    private async Task<IssuedApiKey> IssueAsync(string? tenantId, ApiKeyScope scope)
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var key = $"{Prefix}{keyId}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var record = new ApiKeyRecord(keyId, tenantId, Convert.ToHexStringLower(HashOf(key)), clock.GetUtcNow(), Scope: scope);
        await UpdateAsync(records => [.. records, record]);
        return new IssuedApiKey(record, key);
    }

    /// <summary>Revokes a key at once on every node; null when no key has this id.</summary>
    public async Task<ApiKeyRecord?> RevokeAsync(string keyId)
    {
        ApiKeyRecord? revoked = null;
        await UpdateAsync(records => records
            .Select(r => r.KeyId == keyId && !r.Revoked ? revoked = r with { Revoked = true, RevokedAt = clock.GetUtcNow() } : r)
            .ToList());
        return revoked ?? List().FirstOrDefault(r => r.KeyId == keyId);
    }

    private static bool TryParse(string key, out string keyId)
    {
        var separator = key.StartsWith(Prefix, StringComparison.Ordinal) ? key.IndexOf('_', Prefix.Length) : -1;
        keyId = separator < 0 ? string.Empty : key[Prefix.Length..separator];
        return separator >= 0;
    }

    private static byte[] HashOf(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The keys as the file holds them now: re-read when its time or length changed (issuing and revoking always change the length).</summary>
    private Snapshot Current()
    {
        var file = new FileInfo(Path);
        var stamp = file.Exists ? (file.LastWriteTimeUtc, file.Length) : (DateTime.MinValue, -1L);
        var snapshot = _snapshot;
        if (snapshot.Stamp == stamp)
        {
            return snapshot;
        }

        var records = file.Exists ? Read() : [];
        _snapshot = snapshot = new Snapshot(stamp, records, records.ToDictionary(r => r.KeyId, StringComparer.Ordinal));
        return snapshot;
    }

    private List<ApiKeyRecord> Read()
    {
        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return JsonSerializer.Deserialize<KeyFile>(stream, Json)?.Keys ?? [];
        }
        catch (FileNotFoundException)
        {
            return [];
        }
    }

    /// <summary>Read, change and write the file under an exclusive lock file, so two administrators never lose each other's keys.</summary>
    private async Task UpdateAsync(Func<List<ApiKeyRecord>, List<ApiKeyRecord>> change)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var fileLock = await LockAsync();
        var records = change(File.Exists(Path) ? Read() : []);
        await AtomicFile.WriteAsync(Path, stream => JsonSerializer.SerializeAsync(stream, new KeyFile(records), Json));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private async Task<FileStream> LockAsync()
    {
        var deadline = clock.GetUtcNow() + LockDeadline;
        while (true)
        {
            try
            {
                return new FileStream(Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.GetUtcNow() < deadline)
            {
                // Another administrator's command holds the lock for the few milliseconds of its write.
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex TenantIdPattern();

    private sealed record KeyFile(List<ApiKeyRecord> Keys);

    private sealed record Snapshot((DateTime Time, long Length) Stamp, IReadOnlyList<ApiKeyRecord> Records, Dictionary<string, ApiKeyRecord> ById)
    {
        public static readonly Snapshot Empty = new((DateTime.MaxValue, -2L), [], []);
    }
}
