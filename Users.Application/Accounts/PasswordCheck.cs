namespace Users.Application.Accounts;

public enum PasswordCheck
{
    Wrong,
    Correct,

    /// <summary>Correct, under a hash weaker than the current settings make: store a new one.</summary>
    CorrectButRehash,
}
