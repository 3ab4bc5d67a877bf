using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Users.Application.Accounts;
using Users.Application.Users;
using Users.Infrastructure.Accounts;
using Users.Tests.Accounts;
using Users.Tests.Support;

namespace Users.Tests.Idempotency;

/// <summary>
/// A client whose connection is cut never hears whether its create happened; retrying with the same key settles it:
/// the create happens once, whenever the cut came. The app listens on a real port here.
/// </summary>
public sealed class CutConnectionTests : DatabaseTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly object Ada = new { email = "ada@example.com", fullName = "Ada Lovelace", password = UsersApiFactory.Password };
    private static readonly string[] AdaOnly = ["ada@example.com"];

    private HeldResponses _held = null!;
    private PausingPasswordHasher _hasher = null!;
    private UsersApiFactory _app = null!;

    [SetUp]
    public void StartApp()
    {
        _held = new HeldResponses();
        _app = new UsersApiFactory(TestDatabase.ConnectionString, services: services =>
        {
            services.AddSingleton<IStartupFilter>(_held);
            services.Replace(ServiceDescriptor.Singleton<IPasswordHasher>(provider =>
                _hasher = new PausingPasswordHasher(ActivatorUtilities.CreateInstance<IdentityPasswordHasher>(provider))));
        });

        // Over real sockets, so that a client that gives up closes its connection, as one cut off would.
        _app.UseKestrel(0);
        _app.StartServer();
        _ = _app.Services.GetRequiredService<IPasswordHasher>();
    }

    [TearDown]
    public async Task StopAppAsync()
    {
        _held.Release();
        _hasher?.Release();
        await _app.DisposeAsync();
        _hasher?.Dispose();
    }

    [Test]
    public async Task A_retry_after_a_cut_once_the_user_was_created_gets_the_kept_answer_and_one_user_exists()
    {
        using var admin = _app.AsAdmin();
        var key = IdempotencyCalls.NewKey();
        using var cut = new CancellationTokenSource();
        var first = SendHeldAsync(admin, key, cut.Token);
        await _held.Reached.WaitAsync(Patience);

        await cut.CancelAsync();
        Assert.That(async () => await first, Throws.InstanceOf<OperationCanceledException>(), "the client never got its answer");
        _held.Release();
        using var retry = await admin.PostUserAsync(key, Ada);

        var answer = await Answer.ReadAsync(retry);
        var user = await retry.ReadAsync<UserResponse>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created), answer.Body);
            Assert.That(answer.Replayed, Is.True, "the answer the cut connection lost");
            Assert.That(answer.Location?.AbsolutePath, Is.EqualTo($"{UsersClient.Path}/{user.Id}"));
            Assert.That(await IdempotencyCalls.StoredEmailsAsync(), Is.EqualTo(AdaOnly));
        }
    }

    [Test]
    public async Task A_retry_after_a_cut_before_the_user_was_created_creates_it_once()
    {
        using var admin = _app.AsAdmin();
        var key = IdempotencyCalls.NewKey();
        using var cut = new CancellationTokenSource();
        _hasher.PauseNextHash();
        var first = admin.PostUserAsync(key, Ada, cut.Token);
        await _hasher.Entered.WaitAsync(Patience);

        await cut.CancelAsync();
        Assert.That(async () => await first, Throws.InstanceOf<OperationCanceledException>(), "the client never got its answer");
        _hasher.Release();

        // As a client would: retry while the cut request is still running (409), until it has ended one way or the other.
        var retry = await Poll.UntilAsync(
            async () =>
            {
                using var response = await admin.PostUserAsync(key, Ada);
                return await Answer.ReadAsync(response);
            },
            answer => answer.Status != HttpStatusCode.Conflict,
            "the cut request to end");

        Assert.That(retry.Status, Is.EqualTo(HttpStatusCode.Created), retry.Body);
        Assert.That(await IdempotencyCalls.StoredEmailsAsync(), Is.EqualTo(AdaOnly));
    }

    private static async Task<HttpResponseMessage> SendHeldAsync(HttpClient client, string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, UsersClient.Path) { Content = JsonContent.Create(Ada, options: UsersClient.Json) };
        request.Headers.Add(IdempotencyCalls.Header, key);
        request.Headers.Add(HeldResponses.Header, "yes");
        return await client.SendAsync(request, cancellationToken);
    }
}
