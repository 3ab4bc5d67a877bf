namespace Users.Application.Errors;

/// <summary>A field that passed the request's own rules but fails one that needs stored data (a current password, say).</summary>
public sealed class InvalidFieldException(string field, string message) : Exception(message)
{
    /// <summary>The field as clients spell it, e.g. <c>currentPassword</c>.</summary>
    public string Field { get; } = field;
}
