namespace Users.Application.Accounts;

public sealed record AccessToken(string Value, TimeSpan Lifetime);
