using Hangfire.States;
using Users.Tests.Accounts;
using Users.Tests.Jobs;
using Users.Tests.Support;

namespace Users.Tests.AccountMail;

/// <summary>
/// Mails that fall due while the SMTP server is unreachable are retried by their jobs and each arrives exactly once
/// when it is back. The app sends through a <see cref="TcpProxy"/> in front of the test smtp4dev, on a database of its
/// own so that the shared test app's job server cannot send them past the break.
/// </summary>
public sealed class MailServerOutageTests : MailboxTest
{
    private static readonly string Database = TestDatabase.Sibling("mail_outage");

    [OneTimeSetUp]
    public Task PrepareDatabaseAsync() => TestDatabase.PrepareAsync(Database);

    [SetUp]
    public Task ResetDatabaseAsync() => TestDatabase.ResetAsync(Database);

    [Test]
    public async Task Mails_due_while_the_mail_server_is_down_are_delivered_once_each_when_it_is_back()
    {
        await using var smtp = new TcpProxy(TestMailServer.SmtpHost, TestMailServer.SmtpPort);
        await using var app = new UsersApiFactory(Database, new Dictionary<string, string?>
        {
            ["Mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Jobs:RetryAttempts"] = "10",
            ["Jobs:RetryDelay"] = "00:00:01",
        });
        using var anonymous = app.Anonymous();
        await smtp.BreakAsync();
        string[] addresses = ["ada@example.com", "grace@example.com", "edsger@example.com"];
        foreach (var address in addresses)
        {
            await anonymous.SignUpAsync(address, "Someone Due A Mail");
        }

        // Every mail has failed at least once and waits for its retry.
        foreach (var message in await app.MessageIdsAsync())
        {
            await app.WaitForJobAsync(message, ScheduledState.StateName);
        }

        smtp.Restore();
        foreach (var message in await app.MessageIdsAsync())
        {
            await app.WaitForJobAsync(message, SucceededState.StateName);
        }

        var received = await Mailbox.ListAsync();
        Assert.That(addresses.Select(address => received.Count(mail => mail.To.Contains(address))), Is.All.EqualTo(1), "one mail to each address");
    }
}
