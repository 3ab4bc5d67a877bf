namespace Users.Application.Common;

/// <summary>
/// The service's own meter: every feature's instruments are created on it (through <c>IMeterFactory</c>, which hands
/// out one meter per name), so one name exports them all.
/// </summary>
public static class UsersMeter
{
    public const string Name = "Users";
}
