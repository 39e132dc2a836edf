using System.Text.Json;
using Microsoft.Extensions.Logging;
using VNexsus.Storage;

namespace VNexsus.Persistence;

/// <summary>
/// The embedded mode's reminder table: one small file per reminder under the data directory, so a job's "resume"
/// reminder outlives a restart of the process and the job finishes with nobody asking for it. Each file is replaced
/// atomically (a crash leaves the old row or the new one, never half of one). Semantics of the Orleans tables (the
/// in-memory and Redis ones): an upsert always wins and returns a new ETag; a remove succeeds only with the row's
/// current ETag; a range <c>(begin, end]</c> of grain hashes wraps around the ring when <c>begin ≥ end</c>.
/// </summary>
/// <remarks>
/// Every call reads the files, so several silos sharing one data directory (the in-process test cluster) see one table;
/// reminder rows change only when a job starts or ends, and the reminder service reads its range every few minutes.
/// </remarks>
public sealed class FileReminderTable(DataDirectory dataDirectory, ILogger<FileReminderTable> logger) : IReminderTable
{
    private const string Extension = ".reminder";

    /// <summary>
    /// Check-then-act on a row (remove with an ETag) must not interleave with another write of that row, from any silo
    /// of this process. One gate per stripe of rows, not one for the table: every new job upserts a row, and a single
    /// gate held across each row's fsync queued all uploads behind the disk.
    /// </summary>
    private static readonly SemaphoreSlim[] WriteGates = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    private string Root => Path.Combine(dataDirectory.GrainState, "reminders");

    public Task Init()
    {
        Directory.CreateDirectory(Root);
        return Task.CompletedTask;
    }

    public async Task<ReminderTableData> ReadRows(GrainId grainId) =>
        new(await ReadAllAsync(Directory.Exists(GrainFolder(grainId)) ? Directory.EnumerateFiles(GrainFolder(grainId), "*" + Extension) : []));

    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        var rows = await ReadAllAsync(Directory.EnumerateFiles(Root, "*" + Extension, SearchOption.AllDirectories));
        return new(rows.Where(row => InRange(row.GrainId.GetUniformHashCode(), begin, end)));
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadAsync(RowPath(grainId, reminderName));

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var etag = Guid.NewGuid().ToString("N");
        var row = new StoredReminder(entry.GrainId.ToString(), entry.ReminderName, entry.StartAt, entry.Period, etag);
        var path = RowPath(entry.GrainId, entry.ReminderName);
        var gate = GateOf(path);
        await gate.WaitAsync();
        try
        {
            await AtomicFile.WriteAsync(path, stream => JsonSerializer.SerializeAsync(stream, row));
        }
        finally
        {
            gate.Release();
        }

        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var path = RowPath(grainId, reminderName);
        var gate = GateOf(path);
        await gate.WaitAsync();
        try
        {
            if (await ReadAsync(path) is not { } current || current.ETag != eTag)
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task TestOnlyClearTable()
    {
        foreach (var gate in WriteGates)
        {
            await gate.WaitAsync();
        }

        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }

            Directory.CreateDirectory(Root);
        }
        finally
        {
            foreach (var gate in WriteGates)
            {
                gate.Release();
            }
        }
    }

    /// <summary>
    /// True when <paramref name="hash"/> lies in <c>(begin, end]</c> on the ring of grain hashes: the plain interval when
    /// <paramref name="begin"/> &lt; <paramref name="end"/>, otherwise the interval that wraps past <see cref="uint.MaxValue"/>
    /// (and the whole ring when they are equal), as Orleans' ring ranges define it.
    /// </summary>
    public static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static SemaphoreSlim GateOf(string rowPath) => WriteGates[(uint)StringComparer.Ordinal.GetHashCode(rowPath) % (uint)WriteGates.Length];

    private string GrainFolder(GrainId grainId) => Path.Combine(Root, ContentHash.Of(grainId.ToString()));

    // Names may hold any characters; their hash is a safe file name.
    private string RowPath(GrainId grainId, string reminderName) => Path.Combine(GrainFolder(grainId), ContentHash.Of(reminderName) + Extension);

    private async Task<List<ReminderEntry>> ReadAllAsync(IEnumerable<string> paths)
    {
        var rows = new List<ReminderEntry>();
        foreach (var path in paths)
        {
            if (await ReadAsync(path) is { } row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private async Task<ReminderEntry?> ReadAsync(string path)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            var row = await JsonSerializer.DeserializeAsync<StoredReminder>(stream)
                      ?? throw new JsonException("The file holds no reminder.");
            return new ReminderEntry
            {
                GrainId = GrainId.Parse(row.GrainId),
                ReminderName = row.Name,
                StartAt = row.StartAt,
                Period = row.Period,
                ETag = row.ETag,
            };
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception error) when (error is JsonException or FormatException or ArgumentException)
        {
            // Written atomically, so only damage from outside gets here: one bad row must not stop the others.
            logger.LogError("Reminder file {Path} cannot be read ({Error}); the reminder is skipped", path, error.GetType().Name);
            return null;
        }
    }

    /// <summary>A reminder row as stored: the grain id as Orleans prints it, start time in UTC and period.</summary>
    private sealed record StoredReminder(string GrainId, string Name, DateTime StartAt, TimeSpan Period, string ETag);
}
