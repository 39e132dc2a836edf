using System.Buffers;
using VNexsus.Storage;

namespace VNexsus.Retention;

/// <summary>
/// Which live jobs hold one shared, content-addressed item (a document, an analysis): one empty marker file per job in
/// a folder of its own under the data directory. Adding, removing and asking whether any holder is left cost the same
/// however many jobs share the item; a list in the grain's state was rewritten whole on every upload of the same bytes.
/// The data directory is shared by every node, so this works in both modes. Only the grain of the item changes its
/// markers (one turn at a time), which makes "last holder released" a safe decision. Adding does not wait for the disk:
/// many uploads of the same bytes pass through one grain, and an fsync in its turn would queue them all behind the disk.
/// Whoever needs a hold to survive a power cut calls <see cref="Flush"/> outside the grain (the upload does, for
/// documents, before it starts the job).
/// </summary>
public sealed class HolderMarkers
{
    private static readonly SearchValues<char> SafeNameCharacters =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_");

    private readonly string _folder;

    private HolderMarkers(string folder) => _folder = folder;

    public static HolderMarkers OfDocument(DataDirectory data, string sha256) =>
        new(ContentHash.ShardedPath(Path.Combine(data.Holders, "documents"), sha256));

    public static HolderMarkers OfAnalysis(DataDirectory data, string key) =>
        new(ContentHash.ShardedPath(Path.Combine(data.Holders, "analyses"), key));

    /// <summary>Records <paramref name="jobId"/> as a holder; false when it already was one.</summary>
    public bool Add(string jobId)
    {
        var path = MarkerPath(jobId);
        if (File.Exists(path))
        {
            return false;
        }

        Directory.CreateDirectory(_folder);
        File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.Write).Dispose();
        return true;
    }

    /// <summary>
    /// Waits until <paramref name="jobId"/>'s marker is on disk (a no-op when it is not there: released meanwhile). A
    /// document is the only copy of what a job uploaded, and a marker lost in a power cut would let another job's purge
    /// delete it under this job; an analysis lost that way is made again from its documents, so it needs no flush.
    /// </summary>
    public void Flush(string jobId)
    {
        try
        {
            using var marker = File.OpenHandle(MarkerPath(jobId), FileMode.Open, FileAccess.Write);
            RandomAccess.FlushToDisk(marker);
        }
        catch (FileNotFoundException)
        {
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>Removes <paramref name="jobId"/>; false when it held nothing here.</summary>
    public bool Remove(string jobId)
    {
        var path = MarkerPath(jobId);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    public bool Contains(string jobId) => File.Exists(MarkerPath(jobId));

    public bool Any() => Directory.Exists(_folder) && Directory.EnumerateFileSystemEntries(_folder).Any();

    /// <summary>Removes the item's folder with whatever markers are left.</summary>
    public void Clear()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    // Job ids are GUIDs; anything else (a grain method takes any string) is hashed into a safe file name.
    private string MarkerPath(string jobId) =>
        Path.Combine(_folder, jobId.Length is > 0 and <= 64 && !jobId.AsSpan().ContainsAnyExcept(SafeNameCharacters) ? jobId : ContentHash.Of(jobId));
}
