using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Users.Api.Problems;

namespace Users.Tests.Security;

/// <summary>
/// <see cref="RequestBodyLimit"/> refuses a declared length over the endpoint's limit with a 413 naming it, and raises the
/// server's limit for an endpoint that declares a larger one, so a body of unknown length is held to that limit too.
/// </summary>
public sealed class RequestBodyLimitTests
{
    private const long MiB = 1024 * 1024;

    private ServiceProvider _services = null!;

    [SetUp]
    public void CreateServices() =>
        _services = new ServiceCollection()
            .AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemDefaults.Customize)
            .BuildServiceProvider();

    [TearDown]
    public void DisposeServices() => _services.Dispose();

    [Test]
    public async Task Declared_length_within_an_endpoints_larger_limit_passes_and_raises_the_servers_limit()
    {
        var (context, size) = Request(contentLength: 50 * MiB, endpointLimit: 100 * MiB);
        var reached = false;

        await Middleware(_ => { reached = true; return Task.CompletedTask; }).InvokeAsync(context);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reached, Is.True, "the request did not reach the endpoint");
            Assert.That(size.MaxRequestBodySize, Is.EqualTo(100 * MiB));
            Assert.That(context.Response.StatusCode, Is.EqualTo(StatusCodes.Status200OK));
        }
    }

    [Test]
    public async Task Declared_length_over_an_endpoints_limit_is_413_naming_that_limit()
    {
        var (context, _) = Request(contentLength: 150 * MiB, endpointLimit: 100 * MiB);
        var reached = false;

        await Middleware(_ => { reached = true; return Task.CompletedTask; }).InvokeAsync(context);

        var problem = ProblemOf(context);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reached, Is.False, "the request reached the endpoint");
            Assert.That(context.Response.StatusCode, Is.EqualTo(StatusCodes.Status413PayloadTooLarge));
            Assert.That(context.Response.ContentType, Does.StartWith("application/problem+json"));
            Assert.That(problem.Status, Is.EqualTo(StatusCodes.Status413PayloadTooLarge));
            Assert.That(problem.Title, Is.EqualTo("Content Too Large"));
            Assert.That(problem.Detail, Does.Contain("100 MiB"));
        }
    }

    [Test]
    public async Task Endpoint_without_a_limit_of_its_own_keeps_1_MiB()
    {
        var (context, size) = Request(contentLength: 2 * MiB, endpointLimit: null);

        await Middleware(_ => Task.CompletedTask).InvokeAsync(context);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(RequestBodyLimit.For(context), Is.EqualTo(MiB));
            Assert.That(context.Response.StatusCode, Is.EqualTo(StatusCodes.Status413PayloadTooLarge));
            Assert.That(ProblemOf(context).Detail, Does.Contain("1 MiB"));
            Assert.That(size.MaxRequestBodySize, Is.EqualTo(MiB));
        }
    }

    [Test]
    public async Task Body_of_unknown_length_passes_with_the_servers_limit_at_1_MiB()
    {
        var (context, size) = Request(contentLength: null, endpointLimit: null);
        var reached = false;

        await Middleware(_ => { reached = true; return Task.CompletedTask; }).InvokeAsync(context);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reached, Is.True);
            Assert.That(size.MaxRequestBodySize, Is.EqualTo(MiB), "the server still enforces 1 MiB while the body is read");
        }
    }

    private RequestBodyLimit Middleware(RequestDelegate next) =>
        new(next, _services.GetRequiredService<IProblemDetailsService>());

    /// <summary>A POST with this declared length, routed to an endpoint with this [RequestSizeLimit] (none if null).</summary>
    private (DefaultHttpContext Context, MaxRequestBodySizeFeature Size) Request(long? contentLength, long? endpointLimit)
    {
        var size = new MaxRequestBodySizeFeature();
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Features.Set<IHttpMaxRequestBodySizeFeature>(size);
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentLength = contentLength;
        context.Response.Body = new MemoryStream();
        var metadata = endpointLimit is { } limit ? new EndpointMetadataCollection(new RequestSizeLimitAttribute(limit)) : EndpointMetadataCollection.Empty;
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, metadata, "upload"));
        return (context, size);
    }

    private static ProblemDetails ProblemOf(DefaultHttpContext context)
    {
        context.Response.Body.Position = 0;
        return JsonSerializer.Deserialize<ProblemDetails>(context.Response.Body, JsonSerializerOptions.Web)!;
    }
}
