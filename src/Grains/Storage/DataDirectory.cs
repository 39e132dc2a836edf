namespace VNexsus.Storage;

/// <summary>
/// The one directory that holds everything a node persists: uploaded blobs, extractions, analyses and (in the
/// embedded mode) grain state. In the distributed mode every silo and the API must see the same directory.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Blobs => Area("blobs");

    public string Extractions => Area("extractions");

    public string Analyses => Area("analyses");

    public string GrainState => Area("grain-state");

    public string Staging => Area("staging");

    public string PageImages => Area("page-images");

    /// <summary>Which jobs hold each shared document and analysis (retention).</summary>
    public string Holders => Area("holders");

    private string Area(string name) => Path.Combine(Root, name);
}
