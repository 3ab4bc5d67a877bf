using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Users.Api.Json;
using Users.Api.OpenApi;
using Users.Application.Accounts;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.OpenApi;

/// <summary>
/// Every request example the document shows is one the running service takes: each passes the service's own
/// validator for its type, and the create and sign-up examples, sent as they are, create what they describe.
/// </summary>
public sealed class RequestExampleTests : DatabaseTest
{
    private static readonly JsonSerializerOptions Json = ApiJsonSerializerOptions();

    private static IEnumerable<TestCaseData> Examples() =>
        RequestExamples.ByType.Select(example => new TestCaseData(example.Key).SetArgDisplayNames(example.Key.Name));

    [TestCaseSource(nameof(Examples))]
    public async Task The_example_of_each_request_type_passes_its_validator(Type requestType)
    {
        var request = RequestExamples.ByType[requestType].Deserialize(requestType, Json)!;
        var validator = (IValidator)Services.GetRequiredService(typeof(IValidator<>).MakeGenericType(requestType));

        var outcome = await validator.ValidateAsync(new ValidationContext<object>(request));

        Assert.That(outcome.Errors.Select(error => $"{error.PropertyName}: {error.ErrorMessage}"), Is.Empty);
    }

    [Test]
    public async Task The_create_user_example_creates_that_user()
    {
        using var response = await Client.PostAsync(
            UsersClient.Path, JsonContent.Create(RequestExamples.ByType[typeof(CreateUserRequest)]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task The_sign_up_example_signs_up()
    {
        using var response = await Anonymous.PostAsync(
            "/api/v1/auth/signup", JsonContent.Create(RequestExamples.ByType[typeof(SignUpRequest)]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    private static JsonSerializerOptions ApiJsonSerializerOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJsonOptions.Apply(options);
        return options;
    }
}
