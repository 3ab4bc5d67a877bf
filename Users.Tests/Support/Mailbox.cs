using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;

namespace Users.Tests.Support;

/// <summary>
/// What reached the test smtp4dev, through its HTTP API: the mails it holds, any one of them as sent, the SMTP
/// conversations, waiting for a mail to arrive (polling until a deadline, never a fixed sleep), and emptying it.
/// </summary>
public sealed class Mailbox(Uri apiUrl) : IDisposable
{
    /// <summary>Long enough for a send on a busy machine, short enough that a missing mail fails the test soon.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http = new() { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Every mail held, newest first.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> ListAsync(CancellationToken cancellationToken = default)
    {
        // One page as large as a test can fill: the mailbox is emptied before each test.
        using var response = await CallAsync(HttpMethod.Get, "api/messages?pageSize=1000", cancellationToken);
        return (await response.Content.ReadFromJsonAsync<Page<ReceivedMail>>(Json, cancellationToken))?.Results ?? [];
    }

    /// <summary>The message exactly as the SMTP server received it, parsed.</summary>
    public async Task<MimeMessage> ReadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await CallAsync(HttpMethod.Get, $"api/messages/{id}/raw", cancellationToken);
        await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await MimeMessage.LoadAsync(source, cancellationToken);
    }

    /// <summary>The SMTP conversation of every finished connection, as the server logged it.</summary>
    public async Task<IReadOnlyList<string>> TranscriptsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await CallAsync(HttpMethod.Get, "api/sessions?pageSize=1000", cancellationToken);
        var sessions = (await response.Content.ReadFromJsonAsync<Page<Session>>(Json, cancellationToken))?.Results ?? [];
        var transcripts = new List<string>();
        foreach (var session in sessions.Where(session => session.EndDate is not null))
        {
            using var log = await CallAsync(HttpMethod.Get, $"api/sessions/{session.Id}/log", cancellationToken);
            transcripts.Add(await log.Content.ReadAsStringAsync(cancellationToken));
        }

        return transcripts;
    }

    /// <summary>Deletes every mail and every transcript, so a test sees only what it caused.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        foreach (var everything in (string[])["api/messages/*", "api/sessions/*"])
        {
            using var _ = await CallAsync(HttpMethod.Delete, everything, cancellationToken);
        }
    }

    /// <summary>The first mail to <paramref name="recipient"/> (compared ignoring case), once it has arrived.</summary>
    public Task<ReceivedMail> WaitForMessageToAsync(string recipient, TimeSpan? timeout = null) =>
        WaitForMessageAsync(mail => mail.To.Contains(recipient, StringComparer.OrdinalIgnoreCase), timeout, $"a mail to {recipient}");

    /// <summary>The first mail that satisfies <paramref name="predicate"/>, once it has arrived.</summary>
    public async Task<ReceivedMail> WaitForMessageAsync(Func<ReceivedMail, bool> predicate, TimeSpan? timeout = null, string what = "a matching mail") =>
        (await WaitUntilAsync(mails => mails.Any(predicate), timeout, what)).First(predicate);

    /// <summary>The mails held, once they satisfy <paramref name="condition"/>.</summary>
    public Task<IReadOnlyList<ReceivedMail>> WaitUntilAsync(
        Func<IReadOnlyList<ReceivedMail>, bool> condition, TimeSpan? timeout = null, string what = "the expected mails") =>
        PollAsync(ListAsync, condition, timeout, what, mails => mails.Count == 0
            ? "no mail arrived"
            : "mails held: " + string.Join("; ", mails.Select(mail => $"'{mail.Subject}' to {string.Join(", ", mail.To)}")));

    /// <summary>The first finished SMTP conversation that satisfies <paramref name="predicate"/>, once there is one.</summary>
    public async Task<string> WaitForTranscriptAsync(Func<string, bool> predicate, TimeSpan? timeout = null, string what = "a matching SMTP conversation") =>
        (await PollAsync(TranscriptsAsync, transcripts => transcripts.Any(predicate), timeout, what, transcripts =>
            $"conversations held: {transcripts.Count}{Environment.NewLine}{string.Join(Environment.NewLine + "----" + Environment.NewLine, transcripts)}"))
        .First(predicate);

    public void Dispose() => _http.Dispose();

    /// <summary>Reads every 100 ms until <paramref name="done"/>; fails the test, saying what was seen, at the deadline.</summary>
    private static async Task<T> PollAsync<T>(
        Func<CancellationToken, Task<T>> read, Func<T, bool> done, TimeSpan? timeout, string what, Func<T, string> describe)
    {
        var wait = timeout ?? DefaultWait;
        using var deadline = new CancellationTokenSource(wait);
        var seen = default(T);
        try
        {
            while (true)
            {
                seen = await read(deadline.Token);
                if (done(seen))
                {
                    return seen;
                }

                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Assert.Fail($"Waited {wait} for {what}, in vain; {(seen is null ? "smtp4dev never answered" : describe(seen))}.");
            throw;
        }
    }

    private async Task<HttpResponseMessage> CallAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new InvalidOperationException(
                $"smtp4dev does not answer at {_http.BaseAddress}: run the tests with scripts/test.sh, or start one with scripts/smtp4dev.sh " +
                "and point Smtp4dev__ApiUrl and Smtp4dev__SmtpPort at it.", exception);
        }

        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw new InvalidOperationException($"smtp4dev answered {method} {path} with {(int)response.StatusCode}: {body}");
        }

        return response;
    }

    /// <summary>One page of a list smtp4dev serves.</summary>
    private sealed record Page<T>(IReadOnlyList<T>? Results);

    /// <summary>An SMTP connection as smtp4dev lists it; <see cref="EndDate"/> is null while it is open.</summary>
    private sealed record Session(Guid Id, DateTimeOffset? EndDate);
}
