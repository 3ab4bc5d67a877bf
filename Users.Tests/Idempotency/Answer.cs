using System.Net;

namespace Users.Tests.Idempotency;

/// <summary>What a client got: everything a kept answer must give back the same, and whether it was a replay.</summary>
public sealed record Answer(HttpStatusCode Status, string Body, Uri? Location, string? ETag, string? ContentType, bool Replayed)
{
    public static async Task<Answer> ReadAsync(HttpResponseMessage response) =>
        new(
            response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Headers.Location,
            response.Headers.ETag?.Tag,
            response.Content.Headers.ContentType?.ToString(),
            response.Headers.TryGetValues(IdempotencyCalls.Replayed, out var replayed) && replayed.Single() == "true");

    /// <summary>The same answer, however it was sent.</summary>
    public Answer AsSent() => this with { Replayed = false };
}
