namespace Users.Api;

/// <summary>The media types the API speaks.</summary>
public static class ContentTypes
{
    public const string Csv = "text/csv";
    public const string Json = "application/json";
    public const string MergePatch = "application/merge-patch+json";
    public const string Problem = "application/problem+json";
}
