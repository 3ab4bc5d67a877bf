using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Users.Application.Mail;
using Users.Tests.Support;

namespace Users.Tests.Mail;

/// <summary>Mail sent through the app's <see cref="IMailSender"/> arrives at a real SMTP server (the test smtp4dev) as it was meant.</summary>
public sealed class MailSendingTests : MailboxTest
{
    private IMailSender Sender => Services.GetRequiredService<IMailSender>();

    [Test]
    public async Task A_mail_arrives_with_its_sender_recipient_subject_body_and_message_id()
    {
        var mail = new OutgoingMail(Guid.CreateVersion7(), "ada@example.com", "Ada Lovelace", "Verify your address", "Hello Ada,\nfollow the link.");

        await Sender.SendAsync(mail, CancellationToken.None);

        using var message = await Mailbox.ReadAsync((await Mailbox.WaitForMessageToAsync("ada@example.com")).Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.From.Mailboxes.Select(from => (from.Name, from.Address)), Is.EqualTo(new[] { ("Users", "noreply@localhost") }));
            Assert.That(message.To.Mailboxes.Select(to => (to.Name, to.Address)), Is.EqualTo(new[] { ("Ada Lovelace", "ada@example.com") }));
            Assert.That(message.Subject, Is.EqualTo("Verify your address"));
            Assert.That(message.TextBody, Is.EqualTo("Hello Ada,\nfollow the link."));
            Assert.That(message.HtmlBody, Is.Null);
            Assert.That(message.Headers[HeaderId.MessageId], Is.EqualTo($"<{mail.Id}@localhost>"));
        }
    }

    [Test]
    public async Task A_mail_with_an_html_body_carries_it_beside_the_text()
    {
        var mail = new OutgoingMail(
            Guid.CreateVersion7(), "grace@example.com", "Grace Hopper", "Reset your password", "Open the link.", "<p>Open <a href=\"http://localhost:5080/r\">the link</a>.</p>");

        await Sender.SendAsync(mail, CancellationToken.None);

        using var message = await Mailbox.ReadAsync((await Mailbox.WaitForMessageToAsync("grace@example.com")).Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Body?.ContentType.MimeType, Is.EqualTo("multipart/alternative"));
            Assert.That(message.TextBody, Is.EqualTo("Open the link."));
            Assert.That(message.HtmlBody, Is.EqualTo("<p>Open <a href=\"http://localhost:5080/r\">the link</a>.</p>"));
        }
    }

    [Test]
    public async Task Names_and_subjects_outside_ASCII_arrive_intact()
    {
        var mail = new OutgoingMail(Guid.CreateVersion7(), "zoe@example.com", "Zoë Ångström-Łukasiewicz", "Grüße, 你好 ✓", "Schöne Grüße ✓");

        await Sender.SendAsync(mail, CancellationToken.None);

        using var message = await Mailbox.ReadAsync((await Mailbox.WaitForMessageToAsync("zoe@example.com")).Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.To.Mailboxes.Single().Name, Is.EqualTo("Zoë Ångström-Łukasiewicz"));
            Assert.That(message.Subject, Is.EqualTo("Grüße, 你好 ✓"));
            Assert.That(message.TextBody, Is.EqualTo("Schöne Grüße ✓"));
        }
    }

    [Test]
    public async Task A_recipient_address_outside_ASCII_receives_the_mail()
    {
        var mail = new OutgoingMail(Guid.CreateVersion7(), "zoë@example.com", "Zoë", "Hello", "Hello.");

        await Sender.SendAsync(mail, CancellationToken.None);

        using var message = await Mailbox.ReadAsync((await Mailbox.WaitForMessageToAsync("zoë@example.com")).Id);
        Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo("zoë@example.com"));
    }

    [Test]
    public async Task Line_breaks_in_the_subject_or_the_name_add_no_header()
    {
        var mail = new OutgoingMail(Guid.CreateVersion7(), "ada@example.com", "Ada\r\nBcc: eve@example.com", "Hi\r\nBcc: eve@example.com", "Hello.");

        await Sender.SendAsync(mail, CancellationToken.None);

        var received = await Mailbox.WaitForMessageToAsync("ada@example.com");
        using var message = await Mailbox.ReadAsync(received.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(received.To, Is.EqualTo(new List<string> { "ada@example.com" }), "one recipient, as given");
            Assert.That(message.Bcc, Is.Empty);
            Assert.That(message.Headers.Count(header => header.Id == HeaderId.Bcc), Is.Zero);
        }
    }

    [Test]
    public async Task A_mail_sent_twice_arrives_twice_under_one_message_id()
    {
        var mail = new OutgoingMail(Guid.CreateVersion7(), "ada@example.com", "Ada Lovelace", "Verify your address", "Hello.");

        await Sender.SendAsync(mail, CancellationToken.None);
        await Sender.SendAsync(mail, CancellationToken.None);

        var received = await Mailbox.WaitUntilAsync(mails => mails.Count == 2, what: "two mails");
        var ids = new List<string?>();
        foreach (var copy in received)
        {
            using var message = await Mailbox.ReadAsync(copy.Id);
            ids.Add(message.MessageId);
        }

        Assert.That(ids, Is.EqualTo(new[] { $"{mail.Id}@localhost", $"{mail.Id}@localhost" }));
    }

    [Test]
    public async Task The_configured_account_logs_in_before_the_mail_is_sent()
    {
        await using var app = new UsersApiFactory(
            TestDatabase.ConnectionString, new Dictionary<string, string?> { ["Mail:UserName"] = "mailer", ["Mail:Password"] = "smtp account secret" });
        var mail = new OutgoingMail(Guid.CreateVersion7(), "ada@example.com", "Ada Lovelace", "Hello", "Hello.");

        await app.Services.GetRequiredService<IMailSender>().SendAsync(mail, CancellationToken.None);

        var transcript = await Mailbox.WaitForTranscriptAsync(conversation => conversation.Contains("\nDATA", StringComparison.Ordinal));
        Assert.That(transcript, Does.Contain("\nAUTH ").And.Contain("\n235 "), "an accepted AUTH before the mail");
    }
}
