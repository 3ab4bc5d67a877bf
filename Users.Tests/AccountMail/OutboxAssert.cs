using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Users.Infrastructure.Persistence;
using Users.Tests.Support;

namespace Users.Tests.AccountMail;

/// <summary>What the outbox holds, for tests that must know every staged message was handled before they look.</summary>
public static class OutboxAssert
{
    public static async Task<int> UnprocessedAsync(UsersApiFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UsersDbContext>().OutboxMessages.CountAsync(message => message.ProcessedAt == null);
    }

    public static async Task<IReadOnlyList<Guid>> MessageIdsAsync(this UsersApiFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UsersDbContext>().OutboxMessages.Select(message => message.Id).ToListAsync();
    }

    public static async Task<int> StagedAsync(UsersApiFactory app, string type)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UsersDbContext>().OutboxMessages.CountAsync(message => message.Type == type);
    }
}
