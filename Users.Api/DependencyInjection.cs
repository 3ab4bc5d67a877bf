using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Users.Api.Auth;
using Users.Api.Hosting;
using Users.Api.Idempotency;
using Users.Api.Jobs;
using Users.Api.Json;
using Users.Api.Logging;
using Users.Api.OpenApi;
using Users.Api.Problems;
using Users.Api.RateLimiting;
using Users.Api.Security;
using Users.Api.Telemetry;
using Users.Application.Accounts;

namespace Users.Api;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the web layer: MVC and JSON, validation, problems, authentication, rate limits, CORS, OpenAPI, and how
    /// the service stops and times requests out.
    /// </summary>
    public static WebApplicationBuilder AddUsersApi(this WebApplicationBuilder builder)
    {
        // Check the container once at start-up in every environment, rather than on every resolution in Development only.
        builder.Host.UseDefaultServiceProvider(services =>
        {
            services.ValidateOnBuild = true;
            services.ValidateScopes = false;
        });

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = RequestBodyLimit.DefaultMaxBytes;
            // HTTP lets a header value hold any octet (obs-text); Kestrel's ASCII default answers those with an empty 400
            // before the API can say which header is wrong. Read as Latin-1, they reach the API and its problems.
            kestrel.RequestHeaderEncodingSelector = _ => System.Text.Encoding.Latin1;
        });

        var services = builder.Services;
        var configuration = builder.Configuration;
        services
            .AddControllers(mvc =>
            {
                mvc.ModelMetadataDetailsProviders.Add(new CamelCaseBindingNames());
                mvc.Filters.AddService<StrictQueryValues>();

                // A JSON API binds no form: no form value providers to build for every request.
                mvc.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
                mvc.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
                mvc.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
            })
            .AddJsonOptions(json =>
            {
                ApiJsonOptions.Apply(json.JsonSerializerOptions);
                // The reader's own messages name .NET types; the problem names the field instead.
                json.AllowInputFormatterExceptionMessages = false;
            })
            .ConfigureApiBehaviorOptions(api => api.InvalidModelStateResponseFactory = ValidationProblems.Create);
        services.ConfigureHttpJsonOptions(json => ApiJsonOptions.Apply(json.SerializerOptions));
        services.AddSingleton<StrictQueryValues>();

        // Validators run in the MVC pipeline, so an invalid request is answered with 400 before a controller runs.
        ValidationFieldNames.UseJsonNames();
        // Registered first, so FluentValidation finds its provider there and adds none of its own.
        var validatedTypes = new ValidatedTypes(services);
        services.Configure<MvcOptions>(mvc => mvc.ModelValidatorProviders.Insert(0, new ValidatedTypesValidatorProvider(validatedTypes)));
        services.AddFluentValidationAutoValidation(validation => validation.DisableDataAnnotationsValidation = true);

        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemDefaults.Customize);
        services.AddSingleton<IProblemDetailsWriter, JsonProblemWriter>();
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.AddUsersAuthentication(configuration);
        services.AddUsersRateLimits(configuration);
        services.AddUsersNetworkSecurity(configuration);
        services.AddUsersHosting(configuration);

        builder.AddUsersTelemetry();

        services.AddOptions<ApiDocumentOptions>().Bind(configuration.GetSection(ApiDocumentOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiDocumentOptions>, ApiDocumentOptionsValidator>();
        services.AddOpenApi(openApi => openApi
            .AddDocumentTransformer<UsersDocumentTransformer>()
            .AddDocumentTransformer<ServerRefusalsTransformer>()
            .AddDocumentTransformer<BearerSecurityTransformer>()
            .AddOperationTransformer<BearerSecurityTransformer>()
            .AddOperationTransformer<ResponseHeadersTransformer>()
            .AddOperationTransformer<IfMatchTransformer>()
            .AddOperationTransformer<IdempotencyKeyTransformer>()
            .AddOperationTransformer<StreamedRequestBodyTransformer>()
            .AddOperationTransformer<OperationIdTransformer>()
            .AddSchemaTransformer<RequiredPropertiesTransformer>()
            .AddSchemaTransformer<ProblemSchemaTransformer>()
            .AddSchemaTransformer<RequestRulesSchemaTransformer>()
            .AddSchemaTransformer<RoleSchemaTransformer>()
            .AddSchemaTransformer<StringEnumSchemaTransformer>());
        return builder;
    }

    /// <summary>The request pipeline, outermost first, and the endpoints.</summary>
    public static WebApplication UseUsersApi(this WebApplication app)
    {
        // First, so everything after sees the client's address and scheme as a trusted proxy reported them.
        app.UseForwardedHeaders();

        // Outermost of the rest, so the request log shows the status the client got, after exceptions became problems.
        app.UseMiddleware<RequestLog>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Before anything of the API's: the management port serves /metrics and nothing else.
        app.UseUsersTelemetry();
        if (!app.Environment.IsDevelopment())
        {
            // HSTS goes out on HTTPS answers only, including those a trusted TLS-terminating proxy forwarded.
            app.UseHsts();
        }

        if (HasHttpsEndpoint(app.Configuration))
        {
            app.UseHttpsRedirection();
        }

        app.UseRouting();

        // After routing, which finds the endpoint whose policy applies (the import upload has a longer one).
        app.UseRequestTimeouts();
        app.UseCors();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseAuthentication();
        app.UseRateLimiter();

        // A signed-in caller of a bare [Authorize] endpoint goes straight on; every other request gets the framework's
        // authorization in full. The endpoint check that authorization ran cannot see a conditional branch, hence the switch.
        var signedInCallers = app.Services.GetRequiredService<SignedInCallerEndpoints>();
        app.UseWhen(context => !signedInCallers.Admit(context), authorization => authorization.UseAuthorization());

        // Last before the endpoint, so only a request that is let in takes its key, and its answer is all the endpoint's.
        app.UseMiddleware<IdempotentRequests>();

        app.MapControllers();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Infrastructure.DependencyInjection.ReadyTag),

            // Degraded is a node that works with something optional away (Redis): still ready. Unhealthy includes a node
            // that is leaving (ShutdownHealthCheck).
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapOpenApi();
        app.MapJobsDashboard();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference(reference => reference.AddPreferredSecuritySchemes(BearerSecurityTransformer.Scheme));
        }

        return app;
    }

    /// <summary>Whether the service itself listens on HTTPS, so that plain-HTTP requests can be sent there.</summary>
    private static bool HasHttpsEndpoint(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["HTTPS_PORTS"]) ||
        !string.IsNullOrEmpty(configuration["HTTPS_PORT"]) ||
        configuration["URLS"]?.Contains("https://", StringComparison.OrdinalIgnoreCase) is true ||
        configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(endpoint => endpoint["Url"]?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) is true);

    /// <summary>The signing keys and the issuer of access tokens, which the application's account service uses.</summary>
    public static void AddUsersAccessTokens(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        services.AddSingleton(provider => JwtKeyRing.Create(provider.GetRequiredService<IOptions<JwtOptions>>(), provider.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();
    }

    /// <summary>
    /// Bearer authentication with the ring's keys, the same validation of the jobs dashboard's session cookie, and
    /// authorization.
    /// </summary>
    public static void AddUsersAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddUsersAccessTokens(configuration);
        services.AddSingleton<ValidatedBearerTokens>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();

        // JwtBearer validates each token the first time; the default scheme answers it from memory after that.
        services.AddTransient<CachedBearerHandler>();
        services.AddAuthentication(authentication =>
            {
                authentication.AddScheme<CachedBearerHandler>(CachedBearerHandler.Scheme, displayName: null);
                authentication.DefaultScheme = CachedBearerHandler.Scheme;
            })
            .AddJwtBearer()
            .AddJwtBearer(JobsSession.Scheme);
        services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, JobsSessionBearerSetup>();
        services.AddAuthorization();
        services.AddSingleton<SignedInCallerEndpoints>();
        services.Configure<RouteOptions>(routing => routing.SuppressCheckForUnhandledSecurityMetadata = true);
    }

    public static void AddUsersRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>, AuthRateLimits>();
        services.AddSingleton<EmailRateLimiter>();
        services.AddSingleton<RateLimitMetrics>();
        services.AddRateLimiter(_ => { });

        // With RateLimits:Redis, every node counts the budgets in one Redis; without it, or while it is unreachable, each its own.
        services.AddSingleton<RedisRateLimitConnection>();
        services.AddHostedService(provider => provider.GetRequiredService<RedisRateLimitConnection>());
        services.AddSingleton<RateLimitFallbacks>();
        services.AddSingleton<RateLimitPartitions>();
        services.AddHealthChecks().AddCheck<RedisRateLimitHealthCheck>(RedisRateLimitHealthCheck.Name, tags: [Infrastructure.DependencyInjection.ReadyTag]);
    }

    /// <summary>
    /// The <c>Hosting</c> settings: the drain before the service stops taking requests (readiness turns 503 first), the
    /// host's shutdown timeout that follows from it, and request timeouts.
    /// </summary>
    public static void AddUsersHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HostingOptions>().Bind(configuration.GetSection(HostingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HostingOptions>, HostingOptionsValidator>();
        services.AddSingleton<IConfigureOptions<HostOptions>, ShutdownTimeoutSetup>();
        services.AddHostedService<ShutdownDrain>();
        services.AddHealthChecks().AddCheck<ShutdownHealthCheck>("shutdown", tags: [Infrastructure.DependencyInjection.ReadyTag]);
        services.AddRequestTimeouts();
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutOptions>, RequestTimeoutsSetup>();
    }

    public static void AddUsersNetworkSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NetworkOptions>().Bind(configuration.GetSection(NetworkOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NetworkOptions>, NetworkOptionsValidator>();
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ForwardedHeadersSetup>();
        services.AddCors();
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>, CorsSetup>();
    }
}
