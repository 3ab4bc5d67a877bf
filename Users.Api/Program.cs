using Users.Api;
using Users.Api.Admin;
using Users.Api.Hosting;
using Users.Application;
using Users.Infrastructure;

// Settings files are found wherever the service is started from: see ContentRoot.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Default(args) });
builder.Services.AddUsersApplication(builder.Configuration);
builder.Services.AddUsersInfrastructure(builder.Configuration);
builder.Services.AddUsersJobs(builder.Configuration);
builder.AddUsersApi();

try
{
    // Inside the try: building reads the Hosting settings (the host's shutdown timeout), reported like any bad setting.
    var app = builder.Build();
    if (SeedAdminCommand.IsRequested(args))
    {
        return await SeedAdminCommand.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
    }

    app.UseUsersApi();
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
