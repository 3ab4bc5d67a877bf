using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Users.Application.Accounts;
using Users.Infrastructure.Accounts;
using Users.Tests.Accounts;
using Users.Tests.Support;

namespace Users.Tests.Idempotency;

/// <summary>Retries that overlap the first request: one request with a key runs at a time, and only one ever creates.</summary>
public sealed class ConcurrentRetryTests : DatabaseTest
{
    private const int Retries = 8;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly object Ada = new { email = "ada@example.com", fullName = "Ada Lovelace", password = UsersApiFactory.Password };
    private static readonly string[] AdaOnly = ["ada@example.com"];

    private PausingPasswordHasher _hasher = null!;
    private UsersApiFactory _app = null!;

    [SetUp]
    public void StartApp()
    {
        _app = new UsersApiFactory(TestDatabase.ConnectionString, services: services =>
            services.Replace(ServiceDescriptor.Singleton<IPasswordHasher>(provider =>
                _hasher = new PausingPasswordHasher(ActivatorUtilities.CreateInstance<IdentityPasswordHasher>(provider)))));
        _ = _app.Services.GetRequiredService<IPasswordHasher>();
    }

    [TearDown]
    public async Task StopAppAsync()
    {
        _hasher?.Release();
        await _app.DisposeAsync();
        _hasher?.Dispose();
    }

    [Test]
    public async Task Eight_concurrent_requests_with_one_key_create_one_user_and_the_rest_get_its_answer_or_409()
    {
        using var admin = _app.AsAdmin();
        var key = IdempotencyCalls.NewKey();

        var answers = await Task.WhenAll(Enumerable.Range(0, Retries).Select(async _ =>
        {
            using var response = await admin.PostUserAsync(key, Ada);
            return await Answer.ReadAsync(response);
        }));

        var created = answers.Where(answer => answer.Status == HttpStatusCode.Created).ToList();
        var busy = answers.Where(answer => answer.Status == HttpStatusCode.Conflict).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.Count + busy.Count, Is.EqualTo(Retries), () => string.Join("\n", answers.Select(answer => answer.Body)));
            Assert.That(created.Count(answer => !answer.Replayed), Is.EqualTo(1), "one request ran");
            Assert.That(created.Select(answer => answer.AsSent()).Distinct().Count(), Is.EqualTo(1), "every 201 is the same answer");
            Assert.That(busy.Select(answer => answer.Body), Has.All.Contain("still being processed"), "a 409 is the key in use, not the email taken");
            Assert.That(await IdempotencyCalls.StoredEmailsAsync(), Is.EqualTo(AdaOnly));
        }
    }

    [Test]
    public async Task A_retry_while_the_first_request_runs_is_409_and_gets_the_first_answer_once_it_has_finished()
    {
        using var anonymous = _app.Anonymous();
        var key = IdempotencyCalls.NewKey();
        _hasher.PauseNextHash();
        var first = anonymous.PostSignUpAsync(key, Ada);
        await _hasher.Entered.WaitAsync(Patience);

        using (var early = await anonymous.PostSignUpAsync(key, Ada))
        {
            var problem = await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Conflict);
            Assert.That(problem.Detail, Does.Contain(IdempotencyCalls.Header));
        }

        _hasher.Release();
        using var firstResponse = await first;
        using var late = await anonymous.PostSignUpAsync(key, Ada);

        var sent = await Answer.ReadAsync(firstResponse);
        var replayed = await Answer.ReadAsync(late);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent.Status, Is.EqualTo(HttpStatusCode.Created), sent.Body);
            Assert.That(replayed.Replayed, Is.True);
            Assert.That(replayed.AsSent(), Is.EqualTo(sent));
            Assert.That(await IdempotencyCalls.StoredEmailsAsync(), Is.EqualTo(AdaOnly));
        }
    }
}
