using Microsoft.EntityFrameworkCore.Query;

namespace Users.Infrastructure.Persistence;

/// <summary>Makes the <see cref="SharedShaperQueryCompilationContext"/> in place of the provider's own.</summary>
public sealed class SharedShaperQueryCompilationContextFactory(
    QueryCompilationContextDependencies dependencies,
    RelationalQueryCompilationContextDependencies relationalDependencies) : IQueryCompilationContextFactory
{
    public QueryCompilationContext Create(bool async) => new SharedShaperQueryCompilationContext(dependencies, relationalDependencies, async);
}
