namespace Users.Application.Mail;

/// <summary>Hands a mail to the SMTP server the settings name.</summary>
public interface IMailSender
{
    /// <summary>
    /// Sends <paramref name="mail"/>, or throws: a <see cref="MailDeliveryException"/> when the server could not be
    /// reached in time or refused the mail (the caller, a job, retries it), an <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> was cancelled. Returning means the server accepted the mail.
    /// </summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
