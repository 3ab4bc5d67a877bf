using System.ComponentModel.DataAnnotations;
using Users.Domain.Users;

namespace Users.Application.Users;

/// <summary>The body of a request that changes one's own account: each field left out (or null) stays as it is.</summary>
public sealed class UpdateMeRequest
{
    /// <summary>A new email address; at most 254 characters, unique regardless of case.</summary>
    [MaxLength(User.EmailMaxLength)]
    public string? Email { get; init; }

    /// <summary>A new full name; 1 to 200 characters after trimming.</summary>
    [MaxLength(User.FullNameMaxLength)]
    public string? FullName { get; init; }
}
