using AutoMapper;
using Users.Application.Users;
using Users.Domain.Users;

namespace Users.Tests.Users;

public sealed class UserMappingTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private MapperConfiguration _configuration = null!;

    [SetUp]
    public void CreateConfiguration() =>
        _configuration = new MapperConfiguration(config => config.AddProfile<UserMappingProfile>());

    [Test]
    public void Configuration_is_valid()
    {
        Assert.That(_configuration.AssertConfigurationIsValid, Throws.Nothing);
    }

    [Test]
    public void User_maps_to_a_response_with_every_field()
    {
        var user = ChangedUser();

        var response = _configuration.CreateMapper().Map<UserResponse>(user);

        AssertSameFields(response, user);
    }

    [Test]
    public void User_maps_to_a_versioned_user_with_every_field_and_its_version()
    {
        var user = ChangedUser();
        SetVersion(user, 4242);

        var versioned = _configuration.CreateMapper().Map<VersionedUser>(user);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(versioned.Version, Is.EqualTo(4242u));
            AssertSameFields(versioned.User, user);
        }
    }

    [Test]
    public void Every_response_property_has_a_user_property_of_the_same_name_and_type()
    {
        var missing = typeof(UserResponse).GetProperties()
            .Where(property => typeof(User).GetProperty(property.Name)?.PropertyType != property.PropertyType)
            .Select(property => property.Name)
            .ToList();

        Assert.That(missing, Is.Empty);
    }

    // Distinct values for every field, with UpdatedAt apart from CreatedAt, so a swapped or missed field shows.
    private static User ChangedUser()
    {
        var user = User.Create(" Ada@Example.com ", " Ada Lovelace ", isActive: true, UserRole.User, CreatedAt);
        user.SetActive(false, CreatedAt.AddMinutes(5));
        return user;
    }

    // The store maintains Version; nothing in the domain sets it, so a test has to.
    private static void SetVersion(User user, uint version) =>
        typeof(User).GetProperty(nameof(User.Version))!.SetValue(user, version);

    private static void AssertSameFields(UserResponse response, User user)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Id, Is.EqualTo(user.Id));
            Assert.That(response.Email, Is.EqualTo("Ada@Example.com"));
            Assert.That(response.FullName, Is.EqualTo("Ada Lovelace"));
            Assert.That(response.IsActive, Is.False);
            Assert.That(response.CreatedAt, Is.EqualTo(user.CreatedAt));
            Assert.That(response.UpdatedAt, Is.EqualTo(user.UpdatedAt));
            Assert.That(response.UpdatedAt, Is.Not.EqualTo(response.CreatedAt));
        }
    }
}
