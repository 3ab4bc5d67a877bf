namespace Users.Application.Errors;

/// <summary>The change would leave the service without an active admin, and so without anyone to manage it.</summary>
public sealed class LastActiveAdminException()
    : ConflictException("This is the last active admin; make another user an active admin first.");
