namespace Users.Application.Accounts;

/// <summary>The <c>Accounts</c> settings: who may sign up, how strong passwords must be and how long sign-ins last.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>OWASP's current figure for PBKDF2-HMAC-SHA512.</summary>
    public const int RecommendedPasswordHashIterations = 210_000;

    /// <summary>Whether anyone may create an account with <c>POST /api/v1/auth/signup</c>.</summary>
    public bool AllowSignup { get; set; } = true;

    /// <summary>The lowest zxcvbn score (0 to 4) a new password may have.</summary>
    public int MinPasswordScore { get; set; } = 3;

    /// <summary>PBKDF2 iterations for new hashes; stored hashes with fewer are upgraded at the next sign-in.</summary>
    public int PasswordHashIterations { get; set; } = RecommendedPasswordHashIterations;

    /// <summary>How long a sign-in's refresh tokens last, counted from the sign-in; rotation does not extend it.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
