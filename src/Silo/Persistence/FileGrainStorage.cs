using System.Text;
using Orleans.Runtime;
using Orleans.Storage;
using VNexsus.Storage;

namespace VNexsus.Persistence;

/// <summary>
/// Grain storage for the embedded mode: one file per grain state under the data directory, replaced atomically on
/// every write and guarded by an ETag, so a stale writer is refused as it would be by the Redis provider. Uses the
/// silo's grain-storage serializer, the same one Redis storage uses.
/// </summary>
public sealed class FileGrainStorage(string storageName, DataDirectory dataDirectory, IGrainStorageSerializer serializer) : IGrainStorage
{
    private const byte Separator = (byte)'\n';

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await ReadAsync(PathOf(stateName, grainId));
        if (stored is null)
        {
            grainState.RecordExists = false;
            grainState.ETag = null;
            return;
        }

        grainState.State = serializer.Deserialize<T>(stored.Value.Data);
        grainState.ETag = stored.Value.ETag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        await CheckETagAsync(path, grainState.ETag, "write");
        var etag = Guid.NewGuid().ToString("N");
        var data = serializer.Serialize(grainState.State);
        await AtomicFile.WriteAsync(path, async stream =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(etag));
            stream.WriteByte(Separator);
            await stream.WriteAsync(data.ToMemory());
        });
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        await CheckETagAsync(path, grainState.ETag, "clear");
        File.Delete(path);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private async Task CheckETagAsync(string path, string? expected, string operation)
    {
        var current = (await ReadAsync(path))?.ETag;
        if (current != expected)
        {
            throw new InconsistentStateException($"Cannot {operation} grain state in storage '{storageName}': it changed since it was read.", current ?? "none", expected ?? "none");
        }
    }

    private static async Task<(string ETag, BinaryData Data)?> ReadAsync(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path);
        var split = Array.IndexOf(bytes, Separator);
        return (Encoding.ASCII.GetString(bytes, 0, split), new BinaryData(bytes.AsMemory(split + 1)));
    }

    // The grain id may hold any characters; its hash is a safe, fixed-length file name.
    private string PathOf(string stateName, GrainId grainId) =>
        ContentHash.ShardedPath(Path.Combine(dataDirectory.GrainState, storageName, stateName), ContentHash.Of(grainId.ToString()), ".state");
}
