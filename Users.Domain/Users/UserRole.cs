namespace Users.Domain.Users;

/// <summary>What a user may do: an ordinary user manages their own account; an admin manages every account.</summary>
public enum UserRole
{
    User,
    Admin,
}
