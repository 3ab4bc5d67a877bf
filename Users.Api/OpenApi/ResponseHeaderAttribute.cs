namespace Users.Api.OpenApi;

/// <summary>Documents a header that a response of the given status carries, such as <c>ETag</c> or <c>Location</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class ResponseHeaderAttribute(int statusCode, string name, string description) : Attribute
{
    public int StatusCode { get; } = statusCode;

    public string Name { get; } = name;

    public string Description { get; } = description;
}
