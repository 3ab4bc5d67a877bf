using System.Diagnostics.Metrics;
using Users.Application.Common;

namespace Users.Application.Accounts;

/// <summary>
/// Sign-ins by outcome and refresh tokens presented again. The outcomes tell operators what clients are told apart
/// from nothing: a 401 is the same for an unknown email, a wrong password and an inactive account.
/// </summary>
public sealed class AccountMetrics
{
    public const string Succeeded = "succeeded";
    public const string UnknownAccount = "unknown_account";
    public const string WrongPassword = "wrong_password";
    public const string Inactive = "inactive";
    public const string Unverified = "unverified";

    /// <summary>The password was right, but it changed or the account was deactivated while it was being checked.</summary>
    public const string Superseded = "superseded";

    private const string OutcomeTag = "outcome";

    private readonly Counter<long> _signIns;
    private readonly Counter<long> _refreshTokenReuses;

    public AccountMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(UsersMeter.Name);
        _signIns = meter.CreateCounter<long>(
            "users.sign_ins", unit: "{sign_in}", description: "Sign-ins with email and password, by outcome.");
        _refreshTokenReuses = meter.CreateCounter<long>(
            "users.refresh_token.reuses",
            unit: "{token}",
            description: "Refresh tokens presented after they were used (a stolen or replayed token); each revoked its sign-in.");
    }

    public void SignIn(string outcome) => _signIns.Add(1, new KeyValuePair<string, object?>(OutcomeTag, outcome));

    public void RefreshTokenReused() => _refreshTokenReuses.Add(1);
}
