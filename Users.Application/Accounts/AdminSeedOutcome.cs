namespace Users.Application.Accounts;

public enum AdminSeedOutcome
{
    Created,
    Promoted,
    PasswordChanged,
    Unchanged,
}
