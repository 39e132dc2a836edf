using Microsoft.Extensions.Logging.Abstractions;
using VNexsus.Persistence;
using VNexsus.Storage;
using VNexsus.Testing;

namespace VNexsus.GrainTests;

/// <summary>The embedded mode's file-backed reminder table keeps the contract of Orleans' own tables.</summary>
public sealed class FileReminderTableTests : IDisposable
{
    private static readonly DateTime Start = new(2025, 3, 1, 9, 30, 0, DateTimeKind.Utc);

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task An_upsert_returns_a_new_etag_and_the_row_reads_back_as_written()
    {
        var table = await OpenAsync();
        var grain = Job("a");

        var first = await table.UpsertRow(Row(grain, "resume", TimeSpan.FromMinutes(1)));
        var second = await table.UpsertRow(Row(grain, "resume", TimeSpan.FromMinutes(2)));

        Assert.False(string.IsNullOrEmpty(first));
        Assert.NotEqual(first, second);
        var row = await table.ReadRow(grain, "resume");
        Assert.NotNull(row);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal("resume", row.ReminderName);
        Assert.Equal(Start, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(TimeSpan.FromMinutes(2), row.Period);
        Assert.Equal(second, row.ETag);
        Assert.Null(await table.ReadRow(grain, "other"));
        Assert.Null(await table.ReadRow(Job("b"), "resume"));
    }

    [Fact]
    public async Task A_row_is_removed_only_with_its_current_etag()
    {
        var table = await OpenAsync();
        var grain = Job("a");
        var stale = await table.UpsertRow(Row(grain, "resume"));
        var current = await table.UpsertRow(Row(grain, "resume"));

        Assert.False(await table.RemoveRow(grain, "resume", stale!));
        Assert.NotNull(await table.ReadRow(grain, "resume"));
        Assert.True(await table.RemoveRow(grain, "resume", current!));
        Assert.Null(await table.ReadRow(grain, "resume"));
        Assert.False(await table.RemoveRow(grain, "resume", current!));
        Assert.False(await table.RemoveRow(Job("never"), "resume", current!));
    }

    [Fact]
    public async Task Rows_of_one_grain_are_read_together_and_only_they()
    {
        var table = await OpenAsync();
        var grain = Job("a");
        await table.UpsertRow(Row(grain, "resume"));
        await table.UpsertRow(Row(grain, "purge"));
        await table.UpsertRow(Row(Job("b"), "resume"));

        var rows = (await table.ReadRows(grain)).Reminders;

        Assert.Equal(["purge", "resume"], rows.Select(r => r.ReminderName).Order());
        Assert.All(rows, r => Assert.Equal(grain, r.GrainId));
        Assert.Empty((await table.ReadRows(Job("none"))).Reminders);
    }

    [Fact]
    public async Task A_hash_range_excludes_its_start_includes_its_end_and_wraps_around_the_ring()
    {
        var table = await OpenAsync();
        var grains = Enumerable.Range(0, 6).Select(i => Job($"ring-{i}")).OrderBy(g => g.GetUniformHashCode()).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Row(grain, "resume"));
        }

        uint Hash(int i) => grains[i].GetUniformHashCode();
        async Task<List<GrainId>> In(uint begin, uint end) => [.. (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId).OrderBy(g => g.GetUniformHashCode())];

        // (h1, h3]: 2 and 3, not 1.
        Assert.Equal([grains[2], grains[3]], await In(Hash(1), Hash(3)));
        // (h4, h1] wraps: 5, 0 and 1.
        Assert.Equal([grains[0], grains[1], grains[5]], await In(Hash(4), Hash(1)));
        // begin = end is the whole ring.
        Assert.Equal(grains, await In(Hash(2), Hash(2)));
        // (h5, uint.MaxValue] holds nothing above the largest hash; (0, h0] holds the smallest.
        Assert.Empty(await In(Hash(5), uint.MaxValue));
        Assert.Equal([grains[0]], await In(0, Hash(0)));
    }

    [Theory]
    [InlineData(10u, 20u, 10u, false)]
    [InlineData(10u, 20u, 11u, true)]
    [InlineData(10u, 20u, 20u, true)]
    [InlineData(10u, 20u, 21u, false)]
    [InlineData(20u, 10u, 25u, true)]
    [InlineData(20u, 10u, 5u, true)]
    [InlineData(20u, 10u, 10u, true)]
    [InlineData(20u, 10u, 15u, false)]
    [InlineData(20u, 10u, 20u, false)]
    [InlineData(7u, 7u, 7u, true)]
    [InlineData(7u, 7u, 0u, true)]
    [InlineData(0u, uint.MaxValue, 0u, false)]
    [InlineData(0u, uint.MaxValue, uint.MaxValue, true)]
    public void Ring_range_membership(uint begin, uint end, uint hash, bool inRange) =>
        Assert.Equal(inRange, FileReminderTable.InRange(hash, begin, end));

    [Fact]
    public async Task Rows_outlive_the_table_object_and_a_damaged_file_is_skipped()
    {
        var grain = Job("a");
        var etag = await (await OpenAsync()).UpsertRow(Row(grain, "resume"));
        await (await OpenAsync()).UpsertRow(Row(Job("b"), "resume"));
        var damaged = Directory.EnumerateFiles(Path.Combine(new DataDirectory(directory.Path).GrainState, "reminders"), "*.reminder", SearchOption.AllDirectories)
            .Single(path => !path.Contains(ContentHash.Of(grain.ToString()), StringComparison.Ordinal));
        await File.WriteAllTextAsync(damaged, "{ not json");

        var reopened = await OpenAsync();
        var all = (await reopened.ReadRows(0, 0)).Reminders;

        Assert.Equal(etag, Assert.Single(all).ETag);
        Assert.Equal(grain, all[0].GrainId);
    }

    [Fact]
    public async Task Clearing_the_table_removes_every_row()
    {
        var table = await OpenAsync();
        await table.UpsertRow(Row(Job("a"), "resume"));
        await table.TestOnlyClearTable();
        Assert.Empty((await table.ReadRows(0, 0)).Reminders);
    }

    private async Task<FileReminderTable> OpenAsync()
    {
        var table = new FileReminderTable(new DataDirectory(directory.Path), NullLogger<FileReminderTable>.Instance);
        await table.Init();
        return table;
    }

    private static GrainId Job(string key) => GrainId.Create("job", key);

    private static ReminderEntry Row(GrainId grain, string name, TimeSpan? period = null) =>
        new() { GrainId = grain, ReminderName = name, StartAt = Start, Period = period ?? TimeSpan.FromMinutes(1) };
}
