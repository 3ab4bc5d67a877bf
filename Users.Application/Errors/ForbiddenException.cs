namespace Users.Application.Errors;

/// <summary>The caller is signed in but may not do this.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
