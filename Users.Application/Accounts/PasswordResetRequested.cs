namespace Users.Application.Accounts;

/// <summary>An outbox message: someone asked for a password-reset mail to this address, which may have no account.</summary>
public sealed record PasswordResetRequested(string Email);
