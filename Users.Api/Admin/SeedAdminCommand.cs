using System.Data.Common;
using FluentValidation;
using Microsoft.Extensions.Options;
using Users.Application.Accounts;
using Users.Application.Errors;
using Users.Application.Users;
using Users.Domain.Users;

namespace Users.Api.Admin;

/// <summary>
/// <c>seed-admin --email &lt;email&gt; [--full-name &lt;name&gt;]</c>: creates that account as an active admin, or
/// promotes it, with the password from <c>USERS_ADMIN_PASSWORD</c> or standard input. It applies no migrations and
/// starts no web server; running it again with the same password changes nothing.
/// </summary>
public static class SeedAdminCommand
{
    public const string Verb = "seed-admin";
    public const string PasswordVariable = "USERS_ADMIN_PASSWORD";

    public static bool IsRequested(string[] args) => args is [Verb, ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var email = Option(args, "--email")?.Trim();
        if (string.IsNullOrWhiteSpace(email) || !EmailSyntax.IsValid(email))
        {
            await error.WriteLineAsync($"Usage: {Verb} --email <email> [--full-name <name>] (password from {PasswordVariable} or standard input)");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } given ? given : await ReadPasswordAsync(input, error);
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync($"No password: set {PasswordVariable} or write it to standard input.");
            return 2;
        }

        var fullName = Option(args, "--full-name") ?? "Administrator";
        try
        {
            await using var scope = services.CreateAsyncScope();

            // The rules an admin creating this account over HTTP would meet, so the verb stores nothing the API refuses.
            var request = new CreateUserRequest { Email = email, FullName = fullName, Password = password, Role = UserRole.Admin };
            var invalid = (await scope.ServiceProvider.GetRequiredService<IValidator<CreateUserRequest>>().ValidateAsync(request)).Errors;
            if (invalid.Count > 0)
            {
                await error.WriteLineAsync($"{Verb} failed: {string.Join(" ", invalid.Select(failure => failure.ErrorMessage))}");
                return 1;
            }

            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var outcome = await accounts.SeedAdminAsync(email, fullName, password, CancellationToken.None);
            await output.WriteLineAsync(outcome switch
            {
                AdminSeedOutcome.Created => $"Created the admin {email}.",
                AdminSeedOutcome.Promoted => $"Made {email} an active admin.",
                AdminSeedOutcome.PasswordChanged => $"{email} is an active admin; its password was changed and its sign-ins ended.",
                _ => $"{email} is already an active admin with this password; nothing changed.",
            });
            return 0;
        }
        catch (Exception exception) when (exception is InvalidFieldException or ArgumentException or OptionsValidationException or ConflictException)
        {
            // Messages name the setting or rule; none carries the password.
            await error.WriteLineAsync($"{Verb} failed: {exception.Message}");
            return 1;
        }
        catch (DbException exception)
        {
            // Most often a database the migrations have not reached yet: this verb applies none.
            var reason = exception.Message.Split('\n', 2)[0];
            await error.WriteLineAsync($"{Verb} failed: the database could not be used ({reason}). Apply the migrations first (README, Migrations).");
            return 1;
        }
    }

    /// <summary>A line of standard input; typed at a terminal, it is not echoed.</summary>
    private static async Task<string?> ReadPasswordAsync(TextReader input, TextWriter error)
    {
        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
        {
            return await input.ReadLineAsync();
        }

        await error.WriteAsync("Password for the admin: ");
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        await error.WriteLineAsync();
        return password.ToString();
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
