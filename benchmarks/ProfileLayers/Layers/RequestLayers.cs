namespace ProfileLayers.Layers;

/// <summary>
/// The layers of a request to the service, in the order a frame is tested against them: a frame belongs to the first
/// layer it matches, so the narrower rules (telemetry inside hosting, pooling inside EF Core, validators inside the
/// application) come before the broader ones. A sample is charged to the deepest frame of its stack that belongs to a
/// layer; frames of no layer (the base library, async plumbing, locks, sockets, unresolved stubs) are charged to the
/// layer that called them.
/// </summary>
public static class RequestLayers
{
    /// <summary>Thread-pool samples in no layer: the pool's own work (taking work items, timers).</summary>
    public const string Other = "other (thread-pool dispatch, timers)";

    public static readonly Layer Telemetry = new(
        "telemetry (metrics, activity listeners)",
        @"^OpenTelemetry|!OpenTelemetry\.|!System\.Diagnostics\.Metrics\.|!System\.Diagnostics\.ActivityListener|!Microsoft\.AspNetCore\.Hosting\.HostingMetrics|\.KestrelMetrics");

    public static readonly Layer Logging = new(
        "logging (incl. request log)",
        @"^Microsoft\.Extensions\.Logging|!Microsoft\.Extensions\.Logging\.|!Users\.Api\.Logging\.");

    public static readonly Layer EfPool = new(
        "EF Core: context pool (lease, reset, return)",
        @"!Microsoft\.EntityFrameworkCore\.Internal\.(DbContextPool|ScopedDbContextLease|DbContextLease)|IResettableService|\.ResetState|EntityFrameworkServiceCollectionExtensions");

    public static readonly Layer EfSaveChanges = new(
        "EF Core: change tracking, SaveChanges",
        @"!Microsoft\.EntityFrameworkCore\.(ChangeTracking|Update)\.|!Microsoft\.EntityFrameworkCore\.DbContext[.+]<?SaveChanges|!Npgsql\.EntityFrameworkCore\.PostgreSQL\.Update\.");

    /// <summary>Charged by <see cref="StackClassifier"/>: a compiled shaper called by EF Core's query enumerators.</summary>
    public static readonly Layer EfMaterialisation = new(
        "EF Core: materialisation (shaper)",
        "(?!)");

    public static readonly Layer EfQuery = new(
        "EF Core: query execution",
        @"^Microsoft\.EntityFrameworkCore|!Microsoft\.EntityFrameworkCore\.|^Npgsql\.EntityFrameworkCore|!Npgsql\.EntityFrameworkCore\.");

    public static readonly Layer Npgsql = new("Npgsql", @"^Npgsql!|!Npgsql\.");

    public static readonly Layer Json = new("JSON (System.Text.Json)", @"!System\.Text\.Json\.|!Users\.Api\.Json\.");

    public static readonly Layer Authorization = new(
        "authorization",
        @"!Microsoft\.AspNetCore\.Authorization|!Users\.Api\.Auth\.SignedInCallerEndpoints");

    public static readonly Layer Authentication = new(
        "authentication (JWT bearer, token cache)",
        @"!Microsoft\.AspNetCore\.Authentication|!Users\.Api\.Auth\.|!Microsoft\.IdentityModel\.|!System\.IdentityModel\.|!System\.Security\.Claims\.|!System\.Security\.Cryptography\.");

    public static readonly Layer MvcBinding = new(
        "MVC: binding + validation",
        @"!Microsoft\.AspNetCore\.Mvc\.ModelBinding\.|!Microsoft\.AspNetCore\.Mvc\.Controllers\.ControllerBinderDelegateProvider|!Microsoft\.AspNetCore\.Mvc\.Formatters\.\w*InputFormatter|!Microsoft\.AspNetCore\.Mvc\.DataAnnotations\.|!Microsoft\.AspNetCore\.Mvc\.Infrastructure\.ModelStateInvalidFilter|\.BindArgumentsAsync|^FluentValidation|!FluentValidation\.|!Users\.Application\.[\w.]*Validator\b|!Users\.Api\.Problems\.(ValidatedTypes|ValidationProblems|CamelCaseBindingNames)");

    public static readonly Layer MvcActivation = new(
        "MVC: controller activation (DI)",
        @"!Microsoft\.AspNetCore\.Mvc\.Controllers\.(ControllerFactoryProvider|DefaultControllerActivator|ServiceBasedControllerActivator|DefaultControllerFactory|ControllerActivatorProvider)|!Microsoft\.AspNetCore\.Mvc\.Infrastructure\.TypeActivatorCache");

    public static readonly Layer MvcInvoker = new(
        "MVC: invoker + filters + result",
        @"^Microsoft\.AspNetCore\.Mvc|!Microsoft\.AspNetCore\.Mvc\.");

    public static readonly Layer Controllers = new("controller actions (Users.Api)", @"!Users\.Api\.[\w.]*Controller\b");

    public static readonly Layer Application = new("application service + domain", @"!Users\.(Application|Domain)\.");

    public static readonly Layer Mapping = new("mapping (AutoMapper)", @"^AutoMapper!|!AutoMapper\.");

    public static readonly Layer Repositories = new("repositories, unit of work (Users.Infrastructure)", @"!Users\.Infrastructure\.");

    public static readonly Layer Routing = new("routing", @"!Microsoft\.AspNetCore\.Routing\.");

    public static readonly Layer Hosting = new(
        "hosting (context, activity, middleware plumbing)",
        @"!Microsoft\.AspNetCore\.Hosting\.|!System\.Diagnostics\.(Activity|DiagnosticListener|DiagnosticSource)|!Microsoft\.AspNetCore\.Builder\.");

    public static readonly Layer Middleware = new(
        "other middleware (errors, headers, limits, CORS)",
        @"!Microsoft\.AspNetCore\.(Diagnostics|HttpOverrides|Cors|RateLimiting|HostFiltering|ResponseCompression|Antiforgery)\.|!System\.Threading\.RateLimiting\.|!Users\.Api\.(Security|Problems|RateLimiting)\.");

    public static readonly Layer Kestrel = new(
        "Kestrel and HTTP parsing",
        @"^Microsoft\.AspNetCore\.Server\.Kestrel|!Microsoft\.AspNetCore\.Server\.Kestrel\.|!System\.IO\.Pipelines\.|!Microsoft\.AspNetCore\.Http\.|!Microsoft\.AspNetCore\.WebUtilities\.|!Microsoft\.Net\.Http\.Headers\.");

    public static readonly Layer DependencyInjection = new(
        "DI (service resolution, options)",
        @"^Microsoft\.Extensions\.DependencyInjection!|!Microsoft\.Extensions\.DependencyInjection\.|!Microsoft\.Extensions\.Options\.");

    /// <summary>
    /// A request thread stopped for a collection (<c>Thread.PollGC</c>: the runtime suspends managed threads at such a
    /// point while the server GC's own threads collect), and managed GC calls. The allocation helpers are native code,
    /// charged to their callers; the collections themselves are the GC threads' row.
    /// </summary>
    public static readonly Layer Gc = new(
        "GC: stopped for a collection, GC calls",
        @"!System\.Threading\.Thread\.<PollGC>|!System\.GC\.|!System\.Runtime\.CompilerServices\.RuntimeHelpers\.(GetUninitializedObject|AllocateTypeAssociatedMemory)");

    /// <summary>The raw-Npgsql reference of <c>benchmarks/RawRead</c>: its endpoint and minimal APIs' request delegate.</summary>
    public static readonly Layer Reference = new(
        "reference endpoint (RawRead, minimal API)",
        @"^RawRead!|!Microsoft\.AspNetCore\.Http\.RequestDelegateFactory|!Microsoft\.AspNetCore\.Http\.(Generated|HttpResults)\.|!Microsoft\.AspNetCore\.Http\.(Results|TypedResults)\b");

    /// <summary>The order frames are tested in.</summary>
    public static readonly IReadOnlyList<Layer> All =
    [
        Telemetry, Logging, EfPool, EfSaveChanges, EfMaterialisation, EfQuery, Npgsql, Json, Authorization, Authentication,
        MvcBinding, MvcActivation, MvcInvoker, Controllers, Application, Mapping, Repositories, Routing, Hosting, Middleware,
        Gc, Reference, Kestrel, DependencyInjection,
    ];

    /// <summary>The order rows are printed in: roughly a request's way in and out.</summary>
    public static readonly IReadOnlyList<string> Rows =
    [
        Kestrel.Name, Hosting.Name, Routing.Name, Middleware.Name, Authentication.Name, Authorization.Name,
        MvcBinding.Name, MvcActivation.Name, MvcInvoker.Name, Controllers.Name, Application.Name, Mapping.Name,
        Repositories.Name, EfQuery.Name, EfMaterialisation.Name, EfSaveChanges.Name, EfPool.Name, Npgsql.Name, Json.Name,
        Reference.Name, Logging.Name, Telemetry.Name, DependencyInjection.Name, Gc.Name, Other,
    ];
}
