using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Users.Application.Mail;
using Users.Infrastructure.Mail;
using Users.Tests.Support;

namespace Users.Tests.Mail;

/// <summary>
/// A mail that cannot be handed over fails the send with an exception (so the job that sends it is retried) that
/// names the mail, the server and the step, and never holds the SMTP password; cancelling stops a send that waits.
/// </summary>
public sealed class MailFailureTests
{
    private const string Password = "smtp account secret 7f3a";

    private static readonly OutgoingMail Mail = new(Guid.CreateVersion7(), "ada@example.com", "Ada Lovelace", "Hello", "Hello.");

    private static readonly TestMeterFactory Meters = new();

    [Test]
    public async Task Sending_to_a_port_nobody_listens_on_throws_naming_the_server_without_the_password()
    {
        var port = MisbehavingSmtpServer.ClosedPort();
        var sender = SenderTo(port);

        var failure = await FailureOfAsync(sender);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Message, Does.Contain(Mail.Id.ToString()).And.Contain($"127.0.0.1:{port}").And.Contain("connecting"));
            Assert.That(failure.ToString(), Does.Not.Contain(Password));
        }
    }

    [Test]
    public async Task A_failed_send_is_counted_as_a_failed_mail()
    {
        using var metrics = new MetricCapture(Meters);
        var sender = SenderTo(MisbehavingSmtpServer.ClosedPort());

        await FailureOfAsync(sender);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(metrics.Sum("users.mails", ("outcome", "failed")), Is.EqualTo(1));
            Assert.That(metrics.Sum("users.mails", ("outcome", "sent")), Is.Zero);
        }
    }

    [Test]
    public async Task A_refused_login_throws_without_the_password()
    {
        await using var server = MisbehavingSmtpServer.RefusingLogins();
        var sender = SenderTo(server.Port);

        var failure = await FailureOfAsync(sender);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Message, Does.Contain("authenticating").And.Contain("535"));
            Assert.That(failure.ToString(), Does.Not.Contain(Password));
        }
    }

    [Test]
    public async Task A_server_that_never_answers_is_given_up_on_after_the_timeout()
    {
        await using var server = MisbehavingSmtpServer.Silent();
        var sender = SenderTo(server.Port, timeout: TimeSpan.FromSeconds(1));

        var failure = await FailureOfAsync(sender);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Message, Does.Contain("took longer than 00:00:01"));
            Assert.That(failure.ToString(), Does.Not.Contain(Password));
        }
    }

    [Test]
    public async Task Cancelling_stops_a_send_that_waits_for_the_server()
    {
        await using var server = MisbehavingSmtpServer.Silent();
        var sender = SenderTo(server.Port, timeout: TimeSpan.FromMinutes(5));
        using var cancellation = new CancellationTokenSource();

        var sending = sender.SendAsync(Mail, cancellation.Token);
        await server.Connected.WaitAsync(TimeSpan.FromSeconds(15));
        await cancellation.CancelAsync();

        Assert.That(async () => await sending, Throws.InstanceOf<OperationCanceledException>());
    }

    private static async Task<MailDeliveryException> FailureOfAsync(MailKitSender sender) =>
        (await Assert.ThrowsAsync<MailDeliveryException>(() => sender.SendAsync(Mail, CancellationToken.None)))!;

    private static MailKitSender SenderTo(int port, TimeSpan? timeout = null) =>
        new(
            Options.Create(new MailOptions
            {
                Host = "127.0.0.1",
                Port = port,
                Security = MailKit.Security.SecureSocketOptions.None,
                UserName = "mailer",
                Password = Password,
                SenderAddress = "noreply@localhost",
                PublicBaseUrl = "http://localhost:5080",
                Timeout = timeout ?? TimeSpan.FromSeconds(10),
            }),
            new MailMetrics(Meters),
            TimeProvider.System,
            NullLogger<MailKitSender>.Instance);
}
