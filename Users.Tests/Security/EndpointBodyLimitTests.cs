using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Users.Api.Problems;
using Users.Infrastructure.Persistence;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>
/// An endpoint that declares its own body limit with [RequestSizeLimit] gets it in the API's pipeline (Kestrel at 1 MiB,
/// the body-limit middleware, the problem exception handler), whether the body declares its length or is chunked, and
/// the 413 names it.
/// </summary>
public sealed class EndpointBodyLimitTests
{
    private const int MiB = 1024 * 1024;
    private const string Upload = "/upload";

    /// <summary>Over the limit by less than a socket buffer holds, so the client has sent it all when the refusal comes.</summary>
    private const int Overshoot = 64 * 1024;

    private WebApplication _app = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost
            .ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestBodyLimit.DefaultMaxBytes)
            .UseUrls("http://127.0.0.1:0");
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemDefaults.Customize);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddSingleton(TimeProvider.System).AddSingleton<DatabaseOutageLog>();
        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.UseRouting();
        _app.UseMiddleware<RequestBodyLimit>();
        _app.MapPost(Upload, async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            return Results.NoContent();
        }).WithMetadata(new RequestSizeLimitAttribute(2 * MiB));
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task Chunked_body_within_the_endpoints_limit_is_read()
    {
        using var body = new UnsizedContent(MiB + (MiB / 2));

        using var response = await _client.PostAsync(Upload, body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task Chunked_body_over_the_endpoints_limit_is_413_naming_that_limit()
    {
        using var body = new UnsizedContent((2 * MiB) + Overshoot);

        using var response = await _client.PostAsync(Upload, body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem.Detail, Does.Contain("2 MiB"));
    }

    [Test]
    public async Task Declared_length_over_the_endpoints_limit_is_413_naming_that_limit()
    {
        // Expect: 100-continue, as a client sending a large body should: the refusal comes before the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, Upload) { Content = new ByteArrayContent(new byte[(2 * MiB) + 1]) };
        request.Headers.ExpectContinue = true;

        using var response = await _client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem.Detail, Does.Contain("2 MiB"));
    }
}
