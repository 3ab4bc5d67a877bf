// Usage: ImportProcess <import-id>, with ConnectionStrings__Users (and Imports__BatchSize) in the environment.
// Builds the application's services as the service does and runs ImportProcessor.ProcessAsync in a scope of its own,
// which is what the background job does with an import.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Users.Application;
using Users.Application.Imports;
using Users.Infrastructure;

if (args.Length != 1 || !Guid.TryParse(args[0], out var importId))
{
    await Console.Error.WriteLineAsync("usage: ImportProcess <import-id>");
    return 2;
}

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var services = new ServiceCollection()
    .AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
    .AddUsersApplication(configuration)
    .AddUsersInfrastructure(configuration);
await using var provider = services.BuildServiceProvider();
await using var scope = provider.CreateAsyncScope();
await scope.ServiceProvider.GetRequiredService<ImportProcessor>().ProcessAsync(importId, CancellationToken.None);
return 0;
