namespace Users.Tests.Admin;

/// <summary>How a run of <c>seed-admin</c> ended and what it printed.</summary>
public sealed record SeedAdminRun(int ExitCode, string StandardOutput, string StandardError)
{
    public string Printed => StandardOutput + StandardError;

    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout: {StandardOutput}{Environment.NewLine}stderr: {StandardError}";
}
