using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Users.Tests.Support;

namespace Users.Tests.AccountMail;

/// <summary>The calls of the mailed-link flows, and the token read back out of a mail as its recipient would.</summary>
public static partial class AccountMailClient
{
    public const string VerifyEmailPath = "/api/v1/auth/verify-email";
    public const string ForgotPasswordPath = "/api/v1/auth/forgot-password";
    public const string ResetPasswordPath = "/api/v1/auth/reset-password";

    public static Task<HttpResponseMessage> PostVerifyEmailAsync(this HttpClient client, string token) =>
        client.PostAsJsonAsync(VerifyEmailPath, new { token }, UsersClient.Json);

    public static Task<HttpResponseMessage> PostForgotPasswordAsync(this HttpClient client, string email) =>
        client.PostAsJsonAsync(ForgotPasswordPath, new { email }, UsersClient.Json);

    public static Task<HttpResponseMessage> PostResetPasswordAsync(this HttpClient client, string token, string newPassword) =>
        client.PostAsJsonAsync(ResetPasswordPath, new { token, newPassword }, UsersClient.Json);

    /// <summary>Waits for the next mail to <paramref name="recipient"/> with this subject and returns the token of its link.</summary>
    public static async Task<string> WaitForTokenAsync(this Mailbox mailbox, string recipient, string subject, string page)
    {
        var received = await mailbox.WaitForMessageAsync(
            mail => mail.Subject == subject && mail.To.Contains(recipient, StringComparer.OrdinalIgnoreCase), what: $"'{subject}' to {recipient}");
        using var message = await mailbox.ReadAsync(received.Id);
        var link = Link().Match(message.TextBody ?? string.Empty);
        Assert.That(link.Success, Is.True, $"the mail holds no link: {message.TextBody}");
        Assert.That(link.Groups["page"].Value, Is.EqualTo(page));
        return link.Groups["token"].Value;
    }

    public static Task<string> WaitForVerificationTokenAsync(this Mailbox mailbox, string recipient) =>
        mailbox.WaitForTokenAsync(recipient, "Verify your email address", "verify-email");

    public static Task<string> WaitForResetTokenAsync(this Mailbox mailbox, string recipient) =>
        mailbox.WaitForTokenAsync(recipient, "Reset your password", "reset-password");

    [GeneratedRegex(@"http://localhost:5080/(?<page>[a-z-]+)#token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex Link();
}
