namespace VNexsus;

/// <summary>Names of the grain storage providers; each host registers both, by mode.</summary>
public static class StorageNames
{
    public const string Jobs = "jobs";
    public const string Ocr = "ocr";
}
