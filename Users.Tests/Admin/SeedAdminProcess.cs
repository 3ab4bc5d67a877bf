using System.Diagnostics;
using Users.Tests.Support;

namespace Users.Tests.Admin;

/// <summary>
/// Runs the built service's <c>seed-admin</c> verb as an operator does, <c>dotnet Users.Api.dll seed-admin ...</c>,
/// from the test's output directory (the test project references Users.Api, so its build is there), against the test
/// database with the test settings. A run that does not exit in time is killed: the verb must not start a server.
/// </summary>
public static class SeedAdminProcess
{
    public const string PasswordVariable = "USERS_ADMIN_PASSWORD";

    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs <c>seed-admin</c> with these options. The password goes in <see cref="PasswordVariable"/> when given
    /// (otherwise the variable is unset) and <paramref name="standardInput"/>, if any, is written to standard input.
    /// </summary>
    public static async Task<SeedAdminRun> RunAsync(
        string[] options,
        string? password,
        string? standardInput = null,
        string? connectionString = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Users.Api.dll"), "seed-admin" },
        };
        options.ToList().ForEach(start.ArgumentList.Add);
        var environment = start.Environment;
        environment["ConnectionStrings__Users"] = connectionString ?? TestDatabase.ConnectionString;
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        environment["Jwt__Keys__0__Id"] = TestKeys.SigningKeyId;
        environment["Jwt__Keys__0__Pem"] = TestKeys.SigningPem;
        environment["Accounts__PasswordHashIterations"] = "10000";
        environment["DOTNET_NOLOGO"] = "1";
        environment.Remove(PasswordVariable);
        if (password is not null)
        {
            environment[PasswordVariable] = password;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"seed-admin did not exit within {ExitTimeout.TotalSeconds} s (a web server?) and was killed. " +
                $"stdout: {await standardOutput} stderr: {await standardError}");
        }

        return new SeedAdminRun(process.ExitCode, await standardOutput, await standardError);
    }
}
