namespace Users.Application.Accounts;

/// <summary>An outbox message: mail a verification link to this user's address, as it was when the message was staged.</summary>
public sealed record VerificationMailRequested(Guid UserId, string Email);
