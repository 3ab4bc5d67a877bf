namespace Users.Application.Errors;

/// <summary>The version the client based its request on (If-Match) is not the current one.</summary>
public sealed class PreconditionFailedException()
    : Exception("The resource has changed since the version given in If-Match; read it again and retry.");
