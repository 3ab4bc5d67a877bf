using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Users.Api.Users;
using Users.Application.Users;
using Users.Domain.Users;
using Users.Infrastructure.Persistence;

namespace Users.Tests.Architecture;

/// <summary>The layers depend inwards only: Api → Application → Domain, with Infrastructure beside Api.</summary>
public sealed class LayeringTests
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly Domain = typeof(User).Assembly;
    private static readonly Assembly Application = typeof(UserService).Assembly;
    private static readonly Assembly Infrastructure = typeof(UsersDbContext).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    private static readonly string[] PersistencePrefixes = ["Microsoft.EntityFrameworkCore", "Npgsql"];
    private static readonly string[] ApplicationForbiddenPrefixes =
        ["Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.AspNetCore", "Users.Infrastructure", "Users.Api"];
    private static readonly string[] OuterLayers = ["Users.Application", "Users.Infrastructure", "Users.Api"];
    private static readonly string[] ApiLayer = ["Users.Api"];

    [Test]
    public void Domain_references_only_the_base_class_library()
    {
        var offenders = ReferenceNames(Domain).Where(name => !IsBaseClassLibrary(name)).ToList();

        Assert.That(offenders, Is.Empty, () => $"Users.Domain references non-BCL assemblies: {string.Join(", ", offenders)}");
    }

    [Test]
    public void Application_references_no_persistence_web_or_outer_layer_assembly()
    {
        var offenders = ReferencesStartingWith(Application, ApplicationForbiddenPrefixes);

        Assert.That(offenders, Is.Empty, () => $"Users.Application references: {string.Join(", ", offenders)}");
    }

    [Test]
    public void Api_references_no_entity_framework_or_npgsql_assembly()
    {
        var offenders = ReferencesStartingWith(Api, PersistencePrefixes);

        Assert.That(offenders, Is.Empty, () => $"Users.Api references: {string.Join(", ", offenders)}");
    }

    [Test]
    public void Domain_references_no_other_layer()
    {
        var offenders = ReferencesStartingWith(Domain, OuterLayers);

        Assert.That(offenders, Is.Empty, () => $"Users.Domain references: {string.Join(", ", offenders)}");
    }

    [Test]
    public void Infrastructure_does_not_reference_the_api()
    {
        var offenders = ReferencesStartingWith(Infrastructure, ApiLayer);

        Assert.That(offenders, Is.Empty, () => $"Users.Infrastructure references: {string.Join(", ", offenders)}");
    }

    [TestCaseSource(nameof(LayersWithoutDbContext))]
    public void Layer_has_no_member_typed_with_a_db_context(Assembly layer)
    {
        var offenders = DbContextDependencies(layer);

        Assert.That(offenders, Is.Empty, () => $"{layer.GetName().Name} depends on a DbContext:\n{string.Join("\n", offenders)}");
    }

    [Test]
    public void Controllers_take_only_application_services_in_their_constructors()
    {
        var controllers = Api.GetTypes()
            .Where(type => typeof(ControllerBase).IsAssignableFrom(type) && !type.IsAbstract)
            .ToList();

        var offenders = controllers.SelectMany(controller => ConstructorDependenciesOutside(controller, Application)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(controllers, Does.Contain(typeof(UsersController)), "The controller scan found no UsersController.");
            Assert.That(offenders, Is.Empty, () => $"Controllers depend on non-application types:\n{string.Join("\n", offenders)}");
        }
    }

    [Test]
    public void Reference_check_finds_entity_framework_in_infrastructure()
    {
        var found = ReferencesStartingWith(Infrastructure, PersistencePrefixes);

        Assert.That(found, Does.Contain("Microsoft.EntityFrameworkCore"));
    }

    [Test]
    public void Base_class_library_check_rejects_a_package_assembly()
    {
        var nonBcl = ReferenceNames(Application).Where(name => !IsBaseClassLibrary(name)).ToList();

        Assert.That(nonBcl, Does.Contain("Users.Domain").And.Contain("FluentValidation"));
    }

    [Test]
    public void Db_context_check_finds_the_db_context_dependencies_of_infrastructure()
    {
        var found = DbContextDependencies(Infrastructure);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Has.Some.StartsWith($"{typeof(UsersDbContextFactory).FullName}."));
            Assert.That(found, Has.Some.Contains($"constructor parameter db: {typeof(UsersDbContext).FullName}"));
        }
    }

    [Test]
    public void Db_context_check_looks_inside_generic_arguments_arrays_and_by_ref_types()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(IsOrContainsDbContext(typeof(Task<IReadOnlyList<Func<UsersDbContext>>>)), Is.True);
            Assert.That(IsOrContainsDbContext(typeof(DbContext[])), Is.True);
            Assert.That(IsOrContainsDbContext(typeof(UsersDbContext).MakeByRefType()), Is.True);
            Assert.That(IsOrContainsDbContext(typeof(Task<IReadOnlyList<UserResponse>>)), Is.False);
        }
    }

    [Test]
    public void Constructor_check_names_the_non_application_dependencies_of_a_type()
    {
        var found = ConstructorDependenciesOutside(typeof(UserService), Application);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Has.Some.Contains(typeof(AutoMapper.IMapper).FullName!));
            Assert.That(found, Has.Some.Contains(typeof(TimeProvider).FullName!));
            Assert.That(found, Has.None.Contains(typeof(IUserRepository).FullName!));
        }
    }

    private static IEnumerable<Assembly> LayersWithoutDbContext() => [Api, Application];

    private static List<string> ReferenceNames(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(reference => reference.Name ?? string.Empty)];

    private static bool IsBaseClassLibrary(string name) =>
        name is "mscorlib" or "netstandard" ||
        name.StartsWith("System.", StringComparison.Ordinal) || name == "System" ||
        name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal);

    private static List<string> ReferencesStartingWith(Assembly assembly, IEnumerable<string> prefixes) =>
        [.. ReferenceNames(assembly).Where(name => prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))];

    /// <summary>Every field, property, constructor or method parameter and return value whose type involves a DbContext.</summary>
    private static List<string> DbContextDependencies(Assembly assembly)
    {
        var found = new List<string>();
        foreach (var type in assembly.GetTypes())
        {
            void Check(string what, Type memberType)
            {
                if (IsOrContainsDbContext(memberType))
                {
                    found.Add($"{type.FullName}.{what}: {memberType.FullName ?? memberType.Name}");
                }
            }

            foreach (var field in type.GetFields(Declared))
            {
                Check($"field {field.Name}", field.FieldType);
            }

            foreach (var property in type.GetProperties(Declared))
            {
                Check($"property {property.Name}", property.PropertyType);
            }

            foreach (var constructor in type.GetConstructors(Declared))
            {
                foreach (var parameter in constructor.GetParameters())
                {
                    Check($"constructor parameter {parameter.Name}", parameter.ParameterType);
                }
            }

            foreach (var method in type.GetMethods(Declared))
            {
                Check($"{method.Name} return value", method.ReturnType);
                foreach (var parameter in method.GetParameters())
                {
                    Check($"{method.Name} parameter {parameter.Name}", parameter.ParameterType);
                }
            }
        }

        return found;
    }

    private static bool IsOrContainsDbContext(Type type)
    {
        if (type.HasElementType)
        {
            return IsOrContainsDbContext(type.GetElementType()!);
        }

        if (type.IsGenericType && type.GetGenericArguments().Any(IsOrContainsDbContext))
        {
            return true;
        }

        return !type.IsGenericParameter && typeof(DbContext).IsAssignableFrom(type);
    }

    private static List<string> ConstructorDependenciesOutside(Type type, Assembly allowed) =>
    [
        .. type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .SelectMany(constructor => constructor.GetParameters())
            .Where(parameter => parameter.ParameterType.Assembly != allowed)
            .Select(parameter => $"{type.FullName} constructor parameter {parameter.Name}: {parameter.ParameterType.FullName}"),
    ];
}
