using System.Security.Cryptography;

namespace VNexsus.Storage;

/// <summary>
/// Content-addressed storage of uploaded documents on disk. Uploads are streamed into a staging file while their
/// SHA-256 is computed, so no file is ever held whole in memory; a staged upload becomes a blob only when committed.
/// </summary>
public sealed class BlobStore(DataDirectory dataDirectory)
{
    /// <summary>How many leading bytes a staged upload keeps for type and integrity checks.</summary>
    public const int HeadLength = 2048;

    public string PathOf(string sha256) => ContentHash.ShardedPath(dataDirectory.Blobs, sha256);

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>Deletes a stored document; the caller makes sure no job holds it any more.</summary>
    public void Delete(string sha256) => AtomicFile.DeleteIfExists(PathOf(sha256));

    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>
    /// Copies <paramref name="source"/> to a staging file, hashing as it goes. Stops reading as soon as more than
    /// <paramref name="maxBytes"/> arrive and reports the upload as too large.
    /// </summary>
    public async Task<StagedBlob> StageAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory.Staging);
        var path = Path.Combine(dataDirectory.Staging, Guid.NewGuid().ToString("N"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new MemoryStream();
        long length = 0;
        var buffer = new byte[81920];
        try
        {
            // Written synchronously: page-cache writes take microseconds, and on Linux an asynchronous file write only
            // moves the same synchronous call to another pool thread, a hop per chunk of every upload.
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    await target.DisposeAsync();
                    File.Delete(path);
                    return StagedBlob.TooLarge(this, length);
                }

                hash.AppendData(buffer, 0, read);
                if (head.Length < HeadLength)
                {
                    head.Write(buffer, 0, (int)Math.Min(read, HeadLength - head.Length));
                }

                target.Write(buffer, 0, read);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return new StagedBlob(this, path, Convert.ToHexStringLower(hash.GetHashAndReset()), length, head.ToArray(), exceededLimit: false);
    }

    internal void Commit(StagedBlob staged)
    {
        var target = PathOf(staged.Sha256);
        if (File.Exists(target))
        {
            // Same hash, same bytes: the stored copy serves both uploads.
            File.Delete(staged.StagingPath);
            return;
        }

        // On disk before it joins the store: a job answered 202 keeps its bytes through a power loss, not only a crash.
        // Only new documents pay for it; a repeated upload's copy is dropped above.
        using (var written = new FileStream(staged.StagingPath, FileMode.Open, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            written.Flush(flushToDisk: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(staged.StagingPath, target, overwrite: true);
    }
}

/// <summary>An upload on disk but not yet part of the store. Dispose discards it unless it was committed.</summary>
public sealed class StagedBlob : IDisposable
{
    private readonly BlobStore _store;
    private bool _settled;

    internal StagedBlob(BlobStore store, string stagingPath, string sha256, long length, byte[] head, bool exceededLimit)
    {
        _store = store;
        StagingPath = stagingPath;
        Sha256 = sha256;
        Length = length;
        Head = head;
        ExceededLimit = exceededLimit;
        _settled = exceededLimit;
    }

    public string StagingPath { get; }

    public string Sha256 { get; }

    /// <summary>Bytes received; when <see cref="ExceededLimit"/> is set, only as many as were read before stopping.</summary>
    public long Length { get; }

    /// <summary>The first <see cref="BlobStore.HeadLength"/> bytes (fewer for a shorter file).</summary>
    public byte[] Head { get; }

    public bool ExceededLimit { get; }

    public void Commit()
    {
        if (_settled)
        {
            throw new InvalidOperationException("The staged upload was already committed or discarded.");
        }

        _store.Commit(this);
        _settled = true;
    }

    public void Dispose()
    {
        if (!_settled)
        {
            File.Delete(StagingPath);
            _settled = true;
        }
    }

    internal static StagedBlob TooLarge(BlobStore store, long length) => new(store, string.Empty, string.Empty, length, [], exceededLimit: true);
}
