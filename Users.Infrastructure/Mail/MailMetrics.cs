using System.Diagnostics.Metrics;
using Users.Application.Common;

namespace Users.Infrastructure.Mail;

/// <summary>Mails the SMTP server accepted and sends that failed (each failure is retried by its job).</summary>
public sealed class MailMetrics
{
    private readonly Counter<long> _mails;

    public MailMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _mails = meters.Create(UsersMeter.Name).CreateCounter<long>(
            "users.mails", unit: "{mail}", description: "Mails sent through SMTP, by outcome: sent (accepted by the server) or failed.");
    }

    public void Sent() => _mails.Add(1, new KeyValuePair<string, object?>("outcome", "sent"));

    public void Failed() => _mails.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
}
