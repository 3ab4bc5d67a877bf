using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Users.Api.Json;
using Users.Api.Logging;
using Users.Api.OpenApi;
using Users.Api.Problems;
using Users.Application;
using Users.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

// Check the container once at start-up in every environment, rather than on every resolution in Development only.
builder.Host.UseDefaultServiceProvider(services =>
{
    services.ValidateOnBuild = true;
    services.ValidateScopes = false;
});

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes;
});

builder.Services.AddUsersApplication();
builder.Services.AddUsersInfrastructure(builder.Configuration);

builder.Services
    .AddControllers(mvc => mvc.ModelMetadataDetailsProviders.Add(new CamelCaseBindingNames()))
    .AddJsonOptions(json =>
    {
        ApiJsonOptions.Apply(json.JsonSerializerOptions);
        // The reader's own messages name .NET types; the problem names the field instead.
        json.AllowInputFormatterExceptionMessages = false;
    })
    .ConfigureApiBehaviorOptions(api => api.InvalidModelStateResponseFactory = ValidationProblems.Create);
builder.Services.ConfigureHttpJsonOptions(json => ApiJsonOptions.Apply(json.SerializerOptions));

// Validators run in the MVC pipeline, so an invalid request is answered with 400 before a controller runs.
ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
    member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
ValidatorOptions.Global.DisplayNameResolver = ValidatorOptions.Global.PropertyNameResolver;
builder.Services.AddFluentValidationAutoValidation(validation => validation.DisableDataAnnotationsValidation = true);

builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemDefaults.Customize);
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi(openApi => openApi
    .AddDocumentTransformer<UsersDocumentTransformer>()
    .AddOperationTransformer<ResponseHeadersTransformer>()
    .AddSchemaTransformer<RequiredPropertiesTransformer>());

var app = builder.Build();

// Outermost, so the request log shows the status the client got, after exceptions became problems.
app.UseMiddleware<RequestLog>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestBodyLimit>();

app.MapControllers();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(UsersInfrastructureServiceCollectionExtensions.ReadyTag) });
app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}

try
{
    await app.Services.MigrateUsersDatabaseIfEnabledAsync(app.Lifetime.ApplicationStopping);
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is not HostAbortedException)
{
    // A bad setting or an unreachable database at start-up: say which, plainly, without a stack trace, and stop.
    await Console.Error.WriteLineAsync($"The service could not start: {exception.Message}");
    return 1;
}
