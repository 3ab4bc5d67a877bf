namespace Users.Application.Accounts;

/// <summary>A request that names an account by email, so abuse can be limited per email as well as per client.</summary>
public interface IEmailRequest
{
    string? Email { get; }
}
