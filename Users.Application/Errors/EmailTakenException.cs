namespace Users.Application.Errors;

/// <summary>Another user already has this email, compared without regard to case.</summary>
public sealed class EmailTakenException(string email)
    : ConflictException($"A user with the email '{email}' already exists.")
{
    public string Email { get; } = email;
}
