namespace Users.Application.Mail;

/// <summary>
/// A mail was not handed over: the SMTP server was unreachable, too slow, refused the credentials or the mail. The
/// message names the mail, the server and the step that failed, and never holds a credential.
/// </summary>
public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException()
    {
    }

    public MailDeliveryException(string message)
        : base(message)
    {
    }

    public MailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
