namespace VNexsus.Storage;

/// <summary>Writes a file so that readers see either the old content or the complete new one, even across a crash.</summary>
public static class AtomicFile
{
    public static async Task WriteAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = TemporaryPathBeside(path);
        try
        {
            // Synchronous file I/O: on Linux an "asynchronous" file write is a synchronous one moved to another pool
            // thread, and the fsync below blocks anyway. What fits the buffer is written by the flush, in one call.
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.None))
            {
                await write(stream);
                cancellationToken.ThrowIfCancellationRequested();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            // Only a failed write leaves the temporary file behind (a moved one is gone: no unlink per write).
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Deletes the file if it is there; a missing file or folder is not an error.</summary>
    public static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    public static string TemporaryPathBeside(string path) => $"{path}.{Guid.NewGuid():N}.tmp";
}
