namespace Users.Domain.Accounts;

/// <summary>What a mailed one-time token lets its holder do; a token of one purpose is never accepted for another.</summary>
public enum OneTimeTokenPurpose
{
    VerifyEmail = 1,
    ResetPassword = 2,
}
