using System.Diagnostics.CodeAnalysis;
using MailKit.Security;

namespace Users.Infrastructure.Mail;

/// <summary>The <c>Mail</c> settings: the SMTP server mail goes through, who it comes from, and where its links lead.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The SMTP server's host name or IP address.</summary>
    public string? Host { get; set; }

    /// <summary>The SMTP server's port: 587 for submission with STARTTLS, 465 for TLS from the start, 25 for relays.</summary>
    public int? Port { get; set; }

    /// <summary>How the connection is secured: None, StartTls, SslOnConnect, or Auto (TLS on 465, else STARTTLS if offered).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>The account to authenticate as; with <see cref="Password"/>, or neither for a server that needs none.</summary>
    public string? UserName { get; set; }

    /// <summary>A secret: never logged and never put in an exception.</summary>
    public string? Password { get; set; }

    /// <summary>The From address; its domain is also the right half of every Message-Id.</summary>
    public string? SenderAddress { get; set; }

    /// <summary>The From name mail programs show; optional.</summary>
    public string? SenderName { get; set; }

    /// <summary>The service as its users reach it (scheme, host, port, optional path), for links in mails.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long one send may take, from connecting to the server accepting the mail.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the server is to be authenticated with (the validator ensures both or neither are given).</summary>
    [MemberNotNullWhen(true, nameof(UserName), nameof(Password))]
    public bool HasCredentials => !string.IsNullOrEmpty(UserName) && !string.IsNullOrEmpty(Password);
}
