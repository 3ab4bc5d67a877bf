namespace Users.Application.Errors;

/// <summary>The request conflicts with the current state of the resource.</summary>
public class ConflictException(string message) : Exception(message);
