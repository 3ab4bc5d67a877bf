using Users.Application.Accounts;
using Users.Application.Errors;

namespace Users.Application.Users;

/// <summary>
/// Who may touch whom. Admins manage every account; users read and change only their own, and not its active flag
/// or role. Another user's account is hidden from a user exactly as if it did not exist.
/// </summary>
public static class UserAccess
{
    /// <summary>Whether the caller may know the account with this id exists.</summary>
    public static bool CanSee(Caller caller, Guid userId) => caller.IsAdmin || caller.UserId == userId;

    /// <summary>Listing, creating and deleting accounts are for admins.</summary>
    public static void EnsureAdmin(Caller caller, string action)
    {
        if (!caller.IsAdmin)
        {
            throw new ForbiddenException($"Only admins may {action}.");
        }
    }

    /// <summary>Users change their own email and name; whether an account is active and its role are for admins.</summary>
    public static void EnsureCanChange(Caller caller, UpdateUserRequest request)
    {
        if (!caller.IsAdmin && (request.IsActive is not null || request.Role is not null))
        {
            throw new ForbiddenException("Only admins may change whether an account is active or its role.");
        }
    }
}
