using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Users.Application.Accounts;
using Users.Application.CleanUp;
using Users.Application.Common;
using Users.Application.Imports;
using Users.Application.Users;
using Users.Domain.Accounts;
using Users.Domain.Users;
using Users.Infrastructure.Imports;
using Users.Infrastructure.Jobs;
using Users.Tests.Idempotency;
using Users.Tests.Imports;
using Users.Tests.Support;

namespace Users.Tests.CleanUp;

/// <summary>
/// The recurring clean-up removes exactly what nobody can use any more, and nothing else. On a database of its own, so
/// the app's clock alone decides what is old.
/// </summary>
public sealed class CleanUpTests
{
    private static readonly string Database = TestDatabase.Sibling("clean_up");
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static readonly string[] Remaining =
        ["old-verified@example.com", "old-admin@example.com", "new-unverified@example.com", "imported-today@example.com"];

    private UsersApiFactory _app = null!;

    [OneTimeSetUp]
    public Task PrepareDatabaseAsync() => TestDatabase.PrepareAsync(Database);

    [SetUp]
    public async Task StartAsync()
    {
        await TestDatabase.ResetAsync(Database);
        _app = new UsersApiFactory(Database, new Dictionary<string, string?>
        {
            ["Accounts:UnverifiedAccountTtl"] = "7.00:00:00",
            ["CleanUp:ImportRetention"] = "7.00:00:00",
            ["CleanUp:OutboxRetention"] = "7.00:00:00",
        });
    }

    [TearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task Clean_up_removes_exactly_the_expired_the_old_and_the_long_unverified()
    {
        // Eight days ago: accounts, tokens that have expired by now, a finished import and its handled job message.
        await AddUserAsync("old-unverified@example.com", UserRole.User, verified: false);
        var verified = await AddUserAsync("old-verified@example.com", UserRole.User, verified: true);
        await AddUserAsync("old-admin@example.com", UserRole.Admin, verified: false);
        await AddTokensAsync(verified, lifetime: TimeSpan.FromDays(1));
        using var importer = _app.AsAdmin();
        var oldImport = await importer.StartImportAsync("email,fullName\nimported@example.com,Imported User\n");
        await WaitUntilFinishedAsync(importer, oldImport.Id);
        _app.Clock.Advance(Week + TimeSpan.FromDays(1));

        // Today: a new unverified account, live tokens, an import still in its retention.
        await AddUserAsync("new-unverified@example.com", UserRole.User, verified: false);
        await AddTokensAsync(verified, lifetime: TimeSpan.FromDays(1));
        using var admin = _app.AsAdmin(); // the first admin's token has long expired
        var newImport = await admin.StartImportAsync("email,fullName\nimported-today@example.com,Imported Today\n");
        await WaitUntilFinishedAsync(admin, newImport.Id);

        var report = await RunAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report, Is.EqualTo(new CleanUpReport(RefreshTokens: 1, OneTimeTokens: 1, StagedImportRows: 1, OutboxMessages: 1, UnverifiedUsers: 2, IdempotencyKeys: 0)));
            Assert.That(await UserEmailsAsync(), Is.EquivalentTo(Remaining), "the unverified user of eight days ago and the user imported then are gone; admins and verified users stay");
            Assert.That(await CountAsync<RefreshToken>(), Is.EqualTo(1), "today's refresh token");
            Assert.That(await CountAsync<OneTimeToken>(), Is.EqualTo(1), "today's mailed token");
            Assert.That(await StagedRowsAsync(oldImport.Id), Is.Zero);
            Assert.That(await StagedRowsAsync(newImport.Id), Is.EqualTo(1));
            Assert.That((await admin.GetImportAsync(oldImport.Id)).Created, Is.EqualTo(1), "the old import's report stays");
        }
    }

    [Test]
    public async Task Clean_up_removes_the_answers_of_expired_idempotency_keys_and_keeps_the_rest()
    {
        var admin = User.Create("keeper@users.test", "Key Keeper", isActive: true, UserRole.Admin, _app.Clock.GetUtcNow());
        await CreateWithKeyAsync(admin, "expired@example.com");
        _app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await CreateWithKeyAsync(admin, "live@example.com");

        var report = await RunAsync();

        var kept = await IdempotencyCalls.KeptAsync(Database);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.IdempotencyKeys, Is.EqualTo(1));
            Assert.That(kept.Select(entry => System.Text.Encoding.UTF8.GetString(entry.Body)), Has.One.Contains("live@example.com"));
            Assert.That(await UserEmailsAsync(), Has.Count.EqualTo(2), "only the answers go; the users stay");
        }
    }

    [Test]
    public async Task Without_a_ttl_unverified_accounts_stay_however_old()
    {
        await using var app = new UsersApiFactory(Database);
        await AddUserAsync("old-unverified@example.com", UserRole.User, verified: false, app);
        app.Clock.Advance(TimeSpan.FromDays(365));

        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<CleanUpService>().RunAsync(CancellationToken.None);

        Assert.That(report.UnverifiedUsers, Is.Zero);
        Assert.That(await UserEmailsAsync(), Has.Count.EqualTo(1).And.Contains("old-unverified@example.com"));
    }

    [Test]
    public async Task Clean_up_is_a_recurring_job_on_the_configured_schedule_that_never_overlaps_itself()
    {
        await using var app = new UsersApiFactory(Database, new Dictionary<string, string?> { ["CleanUp:Schedule"] = "5 3 * * *" });
        _ = app.Services;

        var job = await Poll.UntilAsync(
            () => Task.FromResult(RecurringJobs(app).SingleOrDefault(recurring => recurring.Id == CleanUpJob.Id)),
            recurring => recurring is not null,
            "the clean-up to be registered");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job!.Cron, Is.EqualTo("5 3 * * *"));
            Assert.That(job.Job.Type, Is.EqualTo(typeof(CleanUpJob)));
            Assert.That(job.Job.Method.GetCustomAttributes(typeof(DisableConcurrentExecutionAttribute), inherit: true), Is.Not.Empty);
        }
    }

    private async Task CreateWithKeyAsync(User admin, string email)
    {
        using var client = _app.ClientFor(admin);
        using var response = await client.PostUserAsync(IdempotencyCalls.NewKey(), new { email, fullName = "Someone" });
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    private static List<RecurringJobDto> RecurringJobs(UsersApiFactory app)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs();
    }

    private async Task<CleanUpReport> RunAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CleanUpService>().RunAsync(CancellationToken.None);
    }

    private async Task<Guid> AddUserAsync(string email, UserRole role, bool verified, UsersApiFactory? app = null)
    {
        app ??= _app;
        var now = app.Clock.GetUtcNow();
        var user = User.Create(email, "Someone", isActive: true, role, now);
        if (verified)
        {
            user.MarkEmailVerified(now);
        }

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IUserRepository>().Add(user);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        return user.Id;
    }

    /// <summary>A refresh token and a mailed token of the user, both issued now and lasting <paramref name="lifetime"/>.</summary>
    private async Task AddTokensAsync(Guid userId, TimeSpan lifetime)
    {
        var now = _app.Clock.GetUtcNow();
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IRefreshTokenRepository>().Add(RefreshToken.StartFamily(userId, TokenSecret.Create().Hash, now, lifetime));
        scope.ServiceProvider.GetRequiredService<IOneTimeTokenRepository>().Add(
            OneTimeToken.Issue(Guid.CreateVersion7(), userId, OneTimeTokenPurpose.ResetPassword, "old-verified@example.com", TokenSecret.Create().Hash, now, lifetime));
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
    }

    private static Task<ImportReport> WaitUntilFinishedAsync(HttpClient admin, Guid id) =>
        Poll.UntilAsync(() => admin.GetImportAsync(id), report => report.FinishedAt is not null, $"import {id} to finish");

    private static async Task<List<string>> UserEmailsAsync()
    {
        await using var db = TestDatabase.CreateContext(Database);
        return await db.Users.Select(user => user.Email).ToListAsync();
    }

    private static async Task<int> CountAsync<T>()
        where T : class
    {
        await using var db = TestDatabase.CreateContext(Database);
        return await db.Set<T>().CountAsync();
    }

    private static async Task<int> StagedRowsAsync(Guid importId)
    {
        await using var db = TestDatabase.CreateContext(Database);
        return await db.Set<StagedImportRow>().CountAsync(row => row.ImportId == importId);
    }
}
