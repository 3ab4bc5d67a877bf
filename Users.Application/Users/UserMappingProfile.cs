using AutoMapper;
using Users.Domain.Users;

namespace Users.Application.Users;

/// <summary>How users become response DTOs, in memory and in database projections alike.</summary>
public sealed class UserMappingProfile : Profile
{
    public UserMappingProfile()
    {
        CreateMap<User, UserResponse>();
        CreateMap<User, VersionedUser>()
            .ForMember(versioned => versioned.User, options => options.MapFrom(user => user));
    }
}
