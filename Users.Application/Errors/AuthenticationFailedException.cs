namespace Users.Application.Errors;

/// <summary>The credentials or token presented do not sign anyone in. The message never says which part was wrong.</summary>
public sealed class AuthenticationFailedException(string message) : Exception(message);
