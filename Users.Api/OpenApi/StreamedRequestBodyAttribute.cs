namespace Users.Api.OpenApi;

/// <summary>
/// Documents the body of an action that reads the request stream itself (a file upload, say), which model binding
/// does not see: its media type and what it holds.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StreamedRequestBodyAttribute(string contentType, string description) : Attribute
{
    public string ContentType { get; } = contentType;

    public string Description { get; } = description;
}
