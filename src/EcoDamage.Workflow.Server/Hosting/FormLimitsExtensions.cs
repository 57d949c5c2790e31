using Microsoft.AspNetCore.Http.Features;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>
/// Limits on form bodies (document uploads are the only form endpoint): how many parts and values, how long a value or
/// a part's headers may be, and the whole multipart body. A form over a limit is refused with 400 before any file is written.
/// </summary>
internal static class FormLimitsExtensions
{
    /// <summary>The most form values (and parts) accepted.</summary>
    public const int MaxValues = 16;

    /// <summary>The longest form value (not a file) accepted: 16 KiB.</summary>
    public const int MaxValueLength = 16 * 1024;

    /// <summary>Registers the limits (the whole multipart body: 4 MiB, Kestrel's default request limit).</summary>
    public static IServiceCollection AddFormLimits(this IServiceCollection services)
    {
        services.Configure<FormOptions>(options =>
        {
            options.ValueCountLimit = MaxValues;
            options.ValueLengthLimit = MaxValueLength;
            options.KeyLengthLimit = 256;
            options.MultipartHeadersCountLimit = 8;
            options.MultipartHeadersLengthLimit = 4 * 1024;
            options.MultipartBoundaryLengthLimit = 128;
            options.MultipartBodyLengthLimit = 4 * 1024 * 1024;
        });
        return services;
    }
}
