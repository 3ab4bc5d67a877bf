using Users.Tests.Support;

namespace Users.Tests.Mail;

/// <summary>A <c>Mail</c> setting that is missing or unusable stops the service at start-up, naming the setting.</summary>
[NonParallelizable]
public sealed class MailSettingsStartupTests
{
    private const string Password = "smtp account secret 7f3a";

    [TestCase("Mail:Host", "", TestName = "App_does_not_start_when_Mail_Host_is_empty")]
    [TestCase("Mail:Host", "smtp example.com", TestName = "App_does_not_start_when_Mail_Host_is_not_a_host_name")]
    [TestCase("Mail:Port", "0", TestName = "App_does_not_start_when_Mail_Port_is_zero")]
    [TestCase("Mail:Port", "65536", TestName = "App_does_not_start_when_Mail_Port_is_above_65535")]
    [TestCase("Mail:Port", "smtp", TestName = "App_does_not_start_when_Mail_Port_is_not_a_number")]
    [TestCase("Mail:Security", "Tls", TestName = "App_does_not_start_when_Mail_Security_is_not_a_mode")]
    [TestCase("Mail:Security", "StartTlsWhenAvailable", TestName = "App_does_not_start_when_Mail_Security_is_a_mode_not_offered")]
    [TestCase("Mail:Security", "7", TestName = "App_does_not_start_when_Mail_Security_is_an_undefined_number")]
    [TestCase("Mail:SenderAddress", "", TestName = "App_does_not_start_when_Mail_SenderAddress_is_empty")]
    [TestCase("Mail:SenderAddress", "noreply", TestName = "App_does_not_start_when_Mail_SenderAddress_has_no_domain")]
    [TestCase("Mail:SenderAddress", "Users <noreply@example.com>", TestName = "App_does_not_start_when_Mail_SenderAddress_has_a_name")]
    [TestCase("Mail:SenderAddress", "a@b@example.com", TestName = "App_does_not_start_when_Mail_SenderAddress_is_malformed")]
    [TestCase("Mail:SenderName", "Users\r\nBcc: everyone@example.com", TestName = "App_does_not_start_when_Mail_SenderName_holds_a_line_break")]
    [TestCase("Mail:PublicBaseUrl", "", TestName = "App_does_not_start_when_Mail_PublicBaseUrl_is_empty")]
    [TestCase("Mail:PublicBaseUrl", "/users", TestName = "App_does_not_start_when_Mail_PublicBaseUrl_is_relative")]
    [TestCase("Mail:PublicBaseUrl", "ftp://users.example.com", TestName = "App_does_not_start_when_Mail_PublicBaseUrl_is_not_http")]
    [TestCase("Mail:PublicBaseUrl", "https://users.example.com/?from=mail", TestName = "App_does_not_start_when_Mail_PublicBaseUrl_has_a_query")]
    [TestCase("Mail:PublicBaseUrl", "https://admin:pw@users.example.com", TestName = "App_does_not_start_when_Mail_PublicBaseUrl_has_a_user")]
    [TestCase("Mail:Timeout", "00:00:00", TestName = "App_does_not_start_when_Mail_Timeout_is_zero")]
    [TestCase("Mail:Timeout", "01:00:00", TestName = "App_does_not_start_when_Mail_Timeout_is_over_ten_minutes")]
    [TestCase("Mail:Timeout", "soon", TestName = "App_does_not_start_when_Mail_Timeout_is_not_a_time_span")]
    public async Task App_does_not_start_with_a_bad_mail_setting(string setting, string value)
    {
        await using var factory = App(new() { [setting] = value });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying(setting);
    }

    [TestCase("Mail:Host", TestName = "App_does_not_start_when_Mail_Host_is_missing")]
    [TestCase("Mail:Port", TestName = "App_does_not_start_when_Mail_Port_is_missing")]
    [TestCase("Mail:SenderAddress", TestName = "App_does_not_start_when_Mail_SenderAddress_is_missing")]
    [TestCase("Mail:PublicBaseUrl", TestName = "App_does_not_start_when_Mail_PublicBaseUrl_is_missing")]
    public async Task App_does_not_start_without_a_required_mail_setting(string setting)
    {
        await using var factory = App(new() { [setting] = null });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying(setting);
    }

    [Test]
    public async Task App_does_not_start_with_a_password_but_no_user_name_and_does_not_repeat_the_password()
    {
        await using var factory = App(new() { ["Mail:Password"] = Password });

        var attempt = StartupAttempt.Of(factory);

        using (Assert.EnterMultipleScope())
        {
            attempt.AssertRefusedSaying("Mail:UserName", "Mail:Password");
            Assert.That(attempt.Said, Does.Not.Contain(Password));
        }
    }

    [Test]
    public async Task App_does_not_start_with_a_user_name_but_no_password()
    {
        await using var factory = App(new() { ["Mail:UserName"] = "mailer" });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertRefusedSaying("Mail:UserName", "Mail:Password");
    }

    [Test]
    public async Task App_does_not_repeat_the_password_when_other_mail_settings_are_bad()
    {
        await using var factory = App(new() { ["Mail:UserName"] = "mailer", ["Mail:Password"] = Password, ["Mail:Port"] = "0", ["Mail:Host"] = "" });

        var attempt = StartupAttempt.Of(factory);

        using (Assert.EnterMultipleScope())
        {
            attempt.AssertRefusedSaying("Mail:Port", "Mail:Host");
            Assert.That(attempt.Said, Does.Not.Contain(Password));
        }
    }

    [TestCase("None", "25")]
    [TestCase("StartTls", "587")]
    [TestCase("SslOnConnect", "465")]
    [TestCase("Auto", "587")]
    public async Task App_starts_with_credentials_and_each_offered_security_mode(string security, string port)
    {
        await using var factory = App(new()
        {
            ["Mail:Host"] = "smtp.example.com",
            ["Mail:Port"] = port,
            ["Mail:Security"] = security,
            ["Mail:UserName"] = "mailer",
            ["Mail:Password"] = Password,
            ["Mail:SenderAddress"] = "noreply@example.com",
            ["Mail:SenderName"] = "Example Accounts",
            ["Mail:PublicBaseUrl"] = "https://accounts.example.com/users/",
            ["Mail:Timeout"] = "00:01:00",
        });

        var attempt = StartupAttempt.Of(factory);

        attempt.AssertStarted();
    }

    private static ConfiguredApiFactory App(Dictionary<string, string?> mail) => ConfiguredApiFactory.OnTestDatabase(mail);
}
