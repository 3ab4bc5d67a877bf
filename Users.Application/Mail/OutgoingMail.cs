namespace Users.Application.Mail;

/// <summary>
/// One e-mail to one recipient. <see cref="Id"/> is chosen once, when the mail is decided on, and kept across every
/// attempt to send it: it becomes the Message-Id header, so a mail delivered twice (sending is at least once) is
/// recognisable as the same mail.
/// </summary>
/// <param name="Id">Stable across retries; the Message-Id is <c>&lt;{Id}@{sender's domain}&gt;</c>.</param>
/// <param name="ToAddress">The recipient's address.</param>
/// <param name="ToName">The recipient's name as mail programs show it; may be empty.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="TextBody">The plain-text body, which every mail has.</param>
/// <param name="HtmlBody">An HTML alternative to <paramref name="TextBody"/>, or null for plain text only.</param>
public sealed record OutgoingMail(Guid Id, string ToAddress, string ToName, string Subject, string TextBody, string? HtmlBody = null);
