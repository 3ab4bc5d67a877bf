using System.Net;
using System.Text;
using Users.Tests.Support;

namespace Users.Tests.Idempotency;

/// <summary>
/// <c>POST /api/v1/users</c> with an <c>Idempotency-Key</c>: the first request runs, a retry gets its answer again, and
/// the key is the caller's and one request's only.
/// </summary>
public sealed class IdempotentCreateTests : DatabaseTest
{
    private static readonly object Ada = new { email = "ada@example.com", fullName = "Ada Lovelace" };
    private static readonly object Grace = new { email = "grace@example.com", fullName = "Grace Hopper" };
    private static readonly string[] AdaOnly = ["ada@example.com"];
    private static readonly string[] AdaAndGrace = ["ada@example.com", "grace@example.com"];

    [Test]
    public async Task A_retry_with_the_same_key_gets_the_first_answer_and_creates_nothing_more()
    {
        var key = IdempotencyCalls.NewKey();
        using var first = await Client.PostUserAsync(key, Ada);
        using var retry = await Client.PostUserAsync(key, Ada);

        var sent = await Answer.ReadAsync(first);
        var replayed = await Answer.ReadAsync(retry);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent.Status, Is.EqualTo(HttpStatusCode.Created), sent.Body);
            Assert.That(sent.Replayed, Is.False);
            Assert.That(replayed.Replayed, Is.True, "the retry says it is a kept answer");
            Assert.That(replayed.AsSent(), Is.EqualTo(sent), "status, body, Location, ETag and Content-Type as first sent");
            Assert.That(await IdempotencyCalls.StoredEmailsAsync(), Is.EqualTo(AdaOnly));
        }
    }

    [Test]
    public async Task The_same_key_with_another_body_is_422_and_creates_nothing()
    {
        var key = IdempotencyCalls.NewKey();
        using var first = await Client.PostUserAsync(key, Ada);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        using var other = await Client.PostUserAsync(key, Grace);

        var problem = await ProblemAssert.IsProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.Detail, Does.Contain(IdempotencyCalls.Header));
        Assert.That(await IdempotencyCalls.StoredEmailsAsync(), Is.EqualTo(AdaOnly));
    }

    [Test]
    public async Task The_same_key_at_another_address_is_422()
    {
        var key = IdempotencyCalls.NewKey();
        using var first = await Client.PostUserAsync(key, Ada);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        // Sign-up with the admin's token: the same caller, the same key, another request.
        using var signUp = await Client.PostSignUpAsync(key, new { email = "grace@example.com", fullName = "Grace Hopper", password = UsersApiFactory.Password });

        await ProblemAssert.IsProblemAsync(signUp, HttpStatusCode.UnprocessableEntity);
        Assert.That(await IdempotencyCalls.StoredEmailsAsync(), Is.EqualTo(AdaOnly));
    }

    [Test]
    public async Task Keys_are_each_callers_own()
    {
        var key = IdempotencyCalls.NewKey();
        using var otherAdmin = App.AsAdmin();

        using var mine = await Client.PostUserAsync(key, Ada);
        using var theirs = await otherAdmin.PostUserAsync(key, Grace);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mine.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(theirs.StatusCode, Is.EqualTo(HttpStatusCode.Created), await theirs.Content.ReadAsStringAsync());
            Assert.That(await IdempotencyCalls.StoredEmailsAsync(), Is.EquivalentTo(AdaAndGrace));
        }
    }

    [Test]
    public async Task A_refused_request_keeps_nothing_so_its_key_serves_the_corrected_one()
    {
        var key = IdempotencyCalls.NewKey();
        using var invalid = await Client.PostUserAsync(key, new { email = "not an address", fullName = "Ada Lovelace" });
        await ProblemAssert.IsProblemAsync(invalid, HttpStatusCode.BadRequest, "email");

        using var corrected = await Client.PostUserAsync(key, Ada);

        Assert.That(corrected.StatusCode, Is.EqualTo(HttpStatusCode.Created), await corrected.Content.ReadAsStringAsync());
        Assert.That(corrected.Headers.Contains(IdempotencyCalls.Replayed), Is.False, "it ran; nothing was kept to replay");
    }

    [Test]
    public async Task A_conflict_keeps_nothing_so_its_key_serves_another_request()
    {
        await Client.CreateUserAsync("ada@example.com");
        var key = IdempotencyCalls.NewKey();
        using var taken = await Client.PostUserAsync(key, Ada);
        await ProblemAssert.IsProblemAsync(taken, HttpStatusCode.Conflict);

        using var other = await Client.PostUserAsync(key, Grace);

        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Created), await other.Content.ReadAsStringAsync());
        Assert.That(await IdempotencyCalls.KeptAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_forbidden_request_keeps_nothing_and_is_answered_as_without_a_key()
    {
        using var user = await App.AsUserAsync();
        var key = IdempotencyCalls.NewKey();

        using var refused = await user.Client.PostUserAsync(key, Ada);

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.That(await IdempotencyCalls.KeptAsync(), Is.Empty);
    }

    [Test]
    public async Task A_body_of_the_wrong_media_type_is_a_415_problem_as_without_a_key()
    {
        using var text = new StringContent("""{"email":"ada@example.com","fullName":"Ada Lovelace"}""", Encoding.UTF8, "text/plain");

        using var response = await Client.PostWithKeyAsync(UsersClient.Path, IdempotencyCalls.NewKey(), text);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(await IdempotencyCalls.KeptAsync(), Is.Empty);
    }

    [Test]
    public async Task A_quoted_key_is_the_same_key_bare()
    {
        using var bare = await Client.PostUserAsync("order-42", Ada);
        using var quoted = await Client.PostUserAsync("\"order-42\"", Ada);

        Assert.That(bare.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await Answer.ReadAsync(quoted)).Replayed, Is.True);
    }

    [Test]
    public async Task Without_a_key_a_repeated_create_is_refused_as_before()
    {
        using var first = await Client.PostUserAsync(Ada);
        using var repeat = await Client.PostUserAsync(Ada);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await ProblemAssert.IsProblemAsync(repeat, HttpStatusCode.Conflict);
        Assert.That(await IdempotencyCalls.KeptAsync(), Is.Empty);
    }

    [TestCase("   ", TestName = "A_blank_key_is_refused")]
    [TestCase("\"\"", TestName = "An_empty_quoted_key_is_refused")]
    [TestCase("\"unterminated", TestName = "A_key_with_an_open_quote_is_refused")]
    [TestCase("\"a\\b\"", TestName = "A_quoted_key_with_a_bad_escape_is_refused")]
    [TestCase("cl\u00e9", TestName = "A_key_with_a_non_ASCII_character_is_refused")]
    [TestCase("tab\there", TestName = "A_key_with_a_control_character_is_refused")]
    public async Task A_malformed_key_is_a_400_that_names_the_header_and_creates_nothing(string key) =>
        await AssertRefusedAsync([key]);

    [Test]
    public async Task A_key_longer_than_255_characters_is_refused() => await AssertRefusedAsync([new string('k', 256)]);

    [Test]
    public async Task A_key_sent_twice_is_refused() => await AssertRefusedAsync(["one", "two"]);

    [Test]
    public async Task A_key_of_255_characters_is_taken()
    {
        using var response = await Client.PostUserAsync(new string('k', 255), Ada);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    private async Task AssertRefusedAsync(string[] keys)
    {
        using var content = new StringContent("""{"email":"ada@example.com","fullName":"Ada Lovelace"}""", Encoding.UTF8, "application/json");
        using var response = await Client.PostWithKeyAsync(UsersClient.Path, keys, content);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, IdempotencyCalls.Header);
        Assert.That(problem.Errors![IdempotencyCalls.Header].Single(), Does.Contain("255"));
        Assert.That(await IdempotencyCalls.StoredEmailsAsync(), Is.Empty);
    }
}
