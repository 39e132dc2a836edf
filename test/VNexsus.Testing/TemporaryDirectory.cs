namespace VNexsus.Testing;

/// <summary>A directory owned by one test, removed when disposed.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vnexsus-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that has not exited yet may hold a file; the temp folder is cleaned by the OS.
        }
    }
}
