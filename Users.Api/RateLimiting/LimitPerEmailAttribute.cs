using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Users.Application.Accounts;

namespace Users.Api.RateLimiting;

/// <summary>
/// Applies <see cref="EmailRateLimiter"/> to an action whose body names an email, once the body is bound and valid;
/// over budget, the action does not run and the answer is 429.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LimitPerEmailAttribute() : TypeFilterAttribute(typeof(Filter))
{
    private sealed class Filter(EmailRateLimiter limiter, RateLimitMetrics metrics) : IAsyncActionFilter
    {
        public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
        {
            var email = context.ActionArguments.Values.OfType<IEmailRequest>().FirstOrDefault()?.Email;
            if (string.IsNullOrWhiteSpace(email))
            {
                await next();
                return;
            }

            using (var lease = await limiter.AcquireAsync(email, context.HttpContext.RequestAborted))
            {
                if (!lease.IsAcquired)
                {
                    metrics.Rejected(RateLimitMetrics.PerEmail);
                    throw new RateLimitRejectedException(RateLimitProblem.RetryAfter(lease));
                }
            }

            await next();
        }
    }
}
