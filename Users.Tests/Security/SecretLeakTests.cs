using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Users.Application.Accounts;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Security;

/// <summary>
/// Passwords, their hashes and tokens never reach a log, even at Debug for every category, and answers carry no
/// password, hash or refresh token except the refreshToken of the token response it belongs to.
/// </summary>
public sealed class SecretLeakTests
{
    private const string Password = "marble tundra kettle orbit";
    private const string NewPassword = "saffron glacier piano ember";
    private const string WrongPassword = "tangerine wrong guess 42";
    private const string AdminPassword = "walnut comet harbor violin";
    private const string SeedPassword = "pebble nectar falcon ribbon";
    private const string WeakPassword = "lovelace1234";

    private readonly List<string> _secrets = [Password, NewPassword, WrongPassword, AdminPassword, SeedPassword, WeakPassword];
    private readonly List<string> _bodies = [];
    private readonly List<string> _refreshTokens = [];

    private CapturingLoggerProvider _logs = null!;
    private LogTextCapture _text = null!;
    private UsersApiFactory _app = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task RunTheFlowAsync()
    {
        await TestDatabase.ResetAsync();
        _logs = new CapturingLoggerProvider();
        _text = new LogTextCapture();
        _app = new UsersApiFactory(TestDatabase.ConnectionString, services: services => services.AddLogging(logging => logging
            .AddProvider(_logs)
            .AddProvider(_text)
            .AddFilter<CapturingLoggerProvider>(null, LogLevel.Debug)
            .AddFilter<LogTextCapture>(null, LogLevel.Debug)));
        _client = _app.Anonymous();
        await FlowAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _logs.Dispose();
        _text.Dispose();
    }

    [Test]
    public void The_flow_was_logged_at_Debug()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_logs.Logs.Any(log => log.Level == LogLevel.Debug), Is.True, "nothing at Debug was captured");
            Assert.That(_logs.Logs.Count(log => log.State.GetValueOrDefault("Path")?.ToString() == AuthCalls.Token), Is.GreaterThanOrEqualTo(3));
            Assert.That(_text.Texts, Has.Count.GreaterThanOrEqualTo(_logs.Logs.Count));
        }
    }

    [Test]
    public void No_log_field_holds_a_secret()
    {
        var values = _logs.Logs
            .SelectMany(log => log.State.Values.Concat(log.Scopes.Values))
            .Select(value => value?.ToString() ?? string.Empty)
            .ToList();

        AssertNoneContainsASecret(values, _secrets);
    }

    [Test]
    public void No_log_message_holds_a_secret() => AssertNoneContainsASecret([.. _text.Texts], _secrets);

    [Test]
    public void No_answer_holds_a_password_a_hash_or_a_refresh_token_but_its_own()
    {
        // Access tokens are what token responses are for; everything else secret must not come back.
        var secrets = _secrets.Where(secret => !IsAccessToken(secret)).ToList();

        AssertNoneContainsASecret(_bodies, secrets);
    }

    private static bool IsAccessToken(string secret) => secret.Count(character => character == '.') == 2 && secret.StartsWith("eyJ", StringComparison.Ordinal);

    private static void AssertNoneContainsASecret(IReadOnlyCollection<string> texts, IReadOnlyCollection<string> secrets)
    {
        Assert.That(texts, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            foreach (var secret in secrets)
            {
                Assert.That(texts.Where(text => text.Contains(secret, StringComparison.Ordinal)), Is.Empty, $"a secret of {secret.Length} characters leaked");
            }
        }
    }

    /// <summary>Sign-up, a wrong and a right sign-in, refresh and reuse, a password change, admin creation, a weak password.</summary>
    private async Task FlowAsync()
    {
        await SendAsync(_client, AuthCalls.SignUp, new { email = "ada@example.com", fullName = "Ada Lovelace", password = Password }, HttpStatusCode.Created);
        _secrets.Add(await PasswordHashOfAsync("ada@example.com"));
        await SendAsync(_client, AuthCalls.Token, new { email = "ada@example.com", password = WrongPassword }, HttpStatusCode.Unauthorized);
        var first = await TokensAsync(AuthCalls.Token, new { email = "ada@example.com", password = Password });
        await TokensAsync(AuthCalls.Refresh, new { refreshToken = first.RefreshToken });
        await SendAsync(_client, AuthCalls.Refresh, new { refreshToken = first.RefreshToken }, HttpStatusCode.Unauthorized);
        var again = await TokensAsync(AuthCalls.Token, new { email = "ada@example.com", password = Password });

        using (var ada = _app.Anonymous())
        {
            ada.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", again.AccessToken);
            await SendAsync(ada, "/api/v1/users/me/password", new { currentPassword = Password, newPassword = NewPassword }, HttpStatusCode.NoContent, HttpMethod.Put);
        }

        _secrets.Add(await PasswordHashOfAsync("ada@example.com"));

        using (var admin = _app.AsAdmin())
        {
            _secrets.Add(admin.DefaultRequestHeaders.Authorization!.Parameter!);
            await SendAsync(admin, UsersClient.Path, new { email = "grace@example.com", fullName = "Grace Hopper", password = AdminPassword, role = "admin" }, HttpStatusCode.Created);
        }

        _secrets.Add(await PasswordHashOfAsync("grace@example.com"));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().SeedAdminAsync("root@example.com", "Root Admin", SeedPassword, CancellationToken.None);
        }

        _secrets.Add(await PasswordHashOfAsync("root@example.com"));
        await SendAsync(_client, AuthCalls.SignUp, new { email = "lin@example.com", fullName = "Lin Lovelace", password = WeakPassword }, HttpStatusCode.BadRequest);
        _secrets.AddRange(_refreshTokens);
    }

    /// <summary>Sends a request that must get a token pair; keeps both tokens as secrets and the body without its own refresh token.</summary>
    private async Task<TokenResponse> TokensAsync(string path, object body)
    {
        using var response = await _client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var tokens = await response.ReadAsync<TokenResponse>();
        var withoutItsOwn = JsonNode.Parse(text)!.AsObject();
        withoutItsOwn.Remove("refreshToken");
        _bodies.Add(withoutItsOwn.ToJsonString());
        _refreshTokens.Add(tokens.RefreshToken);
        _secrets.Add(tokens.AccessToken);
        return tokens;
    }

    private async Task SendAsync(HttpClient client, string path, object body, HttpStatusCode expected, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"{path}: {text}");
        _bodies.Add(text);
    }

    private async Task<string> PasswordHashOfAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<IUserRepository>().FindByEmailForUpdateAsync(email, CancellationToken.None);
        return user?.PasswordHash ?? throw new InvalidOperationException($"{email} has no password hash.");
    }
}
