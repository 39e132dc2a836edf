using VNexsus.Retention;
using VNexsus.Storage;
using VNexsus.Testing;

namespace VNexsus.UnitTests.Retention;

public sealed class HolderMarkersTests
{
    private static readonly string Sha = ContentHash.Of("synthetic document");

    [Fact]
    public void Adding_and_removing_a_holder_is_idempotent_and_the_last_removal_leaves_none()
    {
        using var directory = new TemporaryDirectory();
        var holders = HolderMarkers.OfDocument(new DataDirectory(directory.Path), Sha);
        var first = Guid.NewGuid().ToString();
        var second = Guid.NewGuid().ToString();

        Assert.False(holders.Any());
        Assert.True(holders.Add(first));
        Assert.False(holders.Add(first));
        Assert.True(holders.Add(second));

        Assert.True(holders.Remove(first));
        Assert.False(holders.Remove(first));
        Assert.True(holders.Any());
        Assert.True(holders.Contains(second));

        Assert.True(holders.Remove(second));
        Assert.False(holders.Any());
    }

    [Fact]
    public void Flushing_a_marker_keeps_it_and_flushing_a_released_one_creates_nothing()
    {
        using var directory = new TemporaryDirectory();
        var holders = HolderMarkers.OfDocument(new DataDirectory(directory.Path), Sha);
        var held = Guid.NewGuid().ToString();
        var released = Guid.NewGuid().ToString();
        holders.Add(held);

        holders.Flush(held);
        holders.Flush(released);

        Assert.True(holders.Contains(held));
        Assert.False(holders.Contains(released));
        HolderMarkers.OfAnalysis(new DataDirectory(directory.Path), Sha).Flush(held);
        Assert.False(HolderMarkers.OfAnalysis(new DataDirectory(directory.Path), Sha).Any());
    }

    [Fact]
    public void Holders_are_seen_by_another_instance_on_the_same_data_directory_and_documents_and_analyses_are_apart()
    {
        using var directory = new TemporaryDirectory();
        var jobId = Guid.NewGuid().ToString();
        HolderMarkers.OfDocument(new DataDirectory(directory.Path), Sha).Add(jobId);

        Assert.True(HolderMarkers.OfDocument(new DataDirectory(directory.Path), Sha).Contains(jobId));
        Assert.False(HolderMarkers.OfAnalysis(new DataDirectory(directory.Path), Sha).Any());
    }

    [Fact]
    public void A_job_id_that_is_no_safe_file_name_stays_inside_the_folder_of_its_item()
    {
        using var directory = new TemporaryDirectory();
        var data = new DataDirectory(directory.Path);
        var holders = HolderMarkers.OfDocument(data, Sha);

        Assert.True(holders.Add("../../escape"));
        Assert.True(holders.Contains("../../escape"));

        Assert.All(Directory.EnumerateFiles(directory.Path, "*", SearchOption.AllDirectories),
            file => Assert.StartsWith(Path.Combine(data.Holders, "documents", Sha[..2], Sha), file, StringComparison.Ordinal));
        holders.Clear();
        Assert.Empty(Directory.EnumerateFiles(directory.Path, "*", SearchOption.AllDirectories));
    }
}
