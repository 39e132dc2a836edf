using System.Text.Json;
using System.Text.Json.Serialization;

namespace VNexsus.Storage;

/// <summary>Keeps one JSON document per key in a folder of the data directory (extractions, analyses).</summary>
public sealed class JsonDocumentStore<T>(string folder)
    where T : class
{
    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public Task SaveAsync(string key, T document, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAsync(PathOf(key), stream => JsonSerializer.SerializeAsync(stream, document, SerializerOptions, cancellationToken), cancellationToken);

    public async Task<T?> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, SerializerOptions, cancellationToken);
    }

    public void Delete(string key) => AtomicFile.DeleteIfExists(PathOf(key));

    private string PathOf(string key) => ContentHash.IsValid(key)
        ? ContentHash.ShardedPath(folder, key, ".json")
        : throw new ArgumentException("Document keys are SHA-256 hashes.", nameof(key));
}
