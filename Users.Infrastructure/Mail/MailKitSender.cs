using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Users.Application.Mail;

namespace Users.Infrastructure.Mail;

/// <summary>
/// Sends each mail over its own SMTP connection: connect, authenticate if configured, send, disconnect. A connection
/// kept open between mails would need a lock (a MailKit client is not thread-safe), reconnecting after the server's
/// idle time-out and after every failure; mails here are few (a sign-up, a reset) and each is sent by a job that is
/// retried as a whole, so one handshake per mail buys sends that share no state.
/// </summary>
public sealed partial class MailKitSender(IOptions<MailOptions> options, MailMetrics metrics, TimeProvider clock, ILogger<MailKitSender> logger)
    : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        var (host, port) = (settings.Host!, settings.Port!.Value); // MailOptionsValidator made sure of both at start-up.
        using var message = Compose(mail, settings);

        // One deadline for the whole send, whichever step is slow (the job holds a worker while it waits), and the same
        // limit on each network operation, which MailKit enforces itself and reports as a TimeoutException.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Timeout);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var step = "connecting";
        try
        {
            await client.ConnectAsync(host, port, settings.Security, deadline.Token);
            if (settings.HasCredentials)
            {
                step = "authenticating";
                await client.AuthenticateAsync(settings.UserName, settings.Password, deadline.Token);
            }

            step = "sending";
            await client.SendAsync(message, deadline.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException)
        {
            metrics.Failed();
            throw new MailDeliveryException(
                $"Mail {mail.Id} was not sent: the SMTP server at {host}:{port} took longer than {settings.Timeout} ({step}).");
        }
#pragma warning disable CA1031 // Whatever stopped the send is reported the same way, with the cause kept as the inner exception.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            metrics.Failed();
            throw new MailDeliveryException(
                $"Mail {mail.Id} was not sent: {step} to the SMTP server at {host}:{port} failed: {exception.Message}", exception);
        }

        metrics.Sent();
        LogSent(logger, mail.Id, host, port);
        await DisconnectAsync(client, mail.Id, deadline.Token);
    }

    /// <summary>
    /// The server has accepted the mail, so a failure to say goodbye must not fail the send: the job would be retried
    /// and the mail sent twice.
    /// </summary>
    private async Task DisconnectAsync(SmtpClient client, Guid mailId, CancellationToken cancellationToken)
    {
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
#pragma warning disable CA1031 // See the summary: the mail is delivered, and the connection is disposed anyway.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogDisconnectFailed(logger, mailId, exception);
        }
    }

    private MimeMessage Compose(OutgoingMail mail, MailOptions settings)
    {
        var sender = SenderMailbox.TryParse(settings.SenderAddress!)
            ?? throw new InvalidOperationException($"{MailOptions.Section}:{nameof(settings.SenderAddress)} is not an address.");
        sender.Name = settings.SenderName;
        var message = new MimeMessage
        {
            // Stable across retries, so a second delivery of the same mail is recognisable as such.
            MessageId = $"{mail.Id}@{sender.Domain}",
            Date = clock.GetUtcNow(),
            Subject = mail.Subject,
            Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(sender);
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        return message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} was accepted by the SMTP server at {Host}:{Port}")]
    private static partial void LogSent(ILogger logger, Guid mailId, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} was sent, but closing the SMTP connection failed")]
    private static partial void LogDisconnectFailed(ILogger logger, Guid mailId, Exception exception);
}
