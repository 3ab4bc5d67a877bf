using Users.Domain.Users;

namespace Users.Application.Accounts;

/// <summary>Who is making a request, as their access token says.</summary>
public sealed record Caller(Guid UserId, UserRole Role)
{
    public bool IsAdmin => Role == UserRole.Admin;
}
