namespace Users.Application.Accounts;

/// <summary>
/// The <c>Accounts</c> settings: who may sign up, how strong passwords must be, how long sign-ins and mailed links last,
/// and whether an address must be verified.
/// </summary>
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

    /// <summary>Whether a user must have verified their email before signing in.</summary>
    public bool RequireVerifiedEmail { get; set; }

    /// <summary>How long the link in a verification mail works, from the moment it is mailed.</summary>
    public TimeSpan EmailVerificationTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the link in a password-reset mail works, from the moment it is mailed.</summary>
    public TimeSpan PasswordResetTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>When set, the clean-up job deletes accounts whose email stayed unverified for longer than this.</summary>
    public TimeSpan? UnverifiedAccountTtl { get; set; }
}
