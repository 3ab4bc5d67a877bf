namespace Users.Application.Errors;

/// <summary>The resource a request names does not exist.</summary>
public sealed class NotFoundException(string resource, object key)
    : Exception($"{resource} '{key}' was not found.");
