using System.Globalization;
using System.Text;
using EmbeddingSample.Webhooks;

namespace EcoDamage.Workflow.Samples.Tests.Webhooks;

/// <summary>The sample's verifier: the published Standard Webhooks vector, and every way a delivery can be spoiled.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(Timestamp);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Fact]
    public void Sign_PublishedVector_Reproduced() =>
        Assert.Equal(Signature, WebhookSignature.Sign(WebhookSignature.Key(Secret), Id, Timestamp, Body));

    /// <summary>The host's inbound hooks sign method, path, Idempotency-Key and body; the same vector is asserted by the server's tests.</summary>
    [Fact]
    public void SignRequest_CoversMethodPathAndIdempotencyKey()
    {
        var key = WebhookSignature.Key(Secret);
        const string Path = "/api/hooks/lawEnforcement/cases/C-1/events/RecordPayment";

        Assert.Equal("v1,/yge20DJN6Qt83YIdEvEdxO2z9FDeLr+v/lio41vMXQ=", WebhookSignature.SignRequest(key, Id, Timestamp, "POST", Path, "key-7", Body));
        Assert.NotEqual(WebhookSignature.SignRequest(key, Id, Timestamp, "POST", Path, "key-7", Body), WebhookSignature.SignRequest(key, Id, Timestamp, "POST", Path.Replace("C-1", "C-2", StringComparison.Ordinal), "key-7", Body));
        Assert.NotEqual(WebhookSignature.SignRequest(key, Id, Timestamp, "POST", Path, "key-7", Body), WebhookSignature.SignRequest(key, Id, Timestamp, "POST", Path, "key-8", Body));
        Assert.NotEqual(WebhookSignature.Sign(key, Id, Timestamp, Body), WebhookSignature.SignRequest(key, Id, Timestamp, "POST", Path, null, Body));
    }

    [Fact]
    public void Verify_Valid() => Assert.Equal(Verification.Valid, Check(Signature));

    [Fact]
    public void Verify_TamperedBody_NoMatchingSignature() =>
        Assert.Equal(Verification.NoMatchingSignature, WebhookSignature.Verify(
            WebhookSignature.Key(Secret), Id, "1614265330", Signature, Encoding.UTF8.GetBytes("{\"test\": 2432232315}"), SentAt, Tolerance));

    [Fact]
    public void Verify_TamperedSignature_NoMatchingSignature() =>
        Assert.Equal(Verification.NoMatchingSignature, Check("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ2OE="));

    [Fact]
    public void Verify_WrongSecret_NoMatchingSignature() =>
        Assert.Equal(Verification.NoMatchingSignature, WebhookSignature.Verify(
            WebhookSignature.Key(WebhookSignature.NewSecret()), Id, "1614265330", Signature, Body, SentAt, Tolerance));

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void Verify_TimestampBeyondTolerance_TooOldOrTooNew(int secondsLater) =>
        Assert.Equal(Verification.TooOldOrTooNew, WebhookSignature.Verify(
            WebhookSignature.Key(Secret), Id, "1614265330", Signature, Body, SentAt.AddSeconds(secondsLater), Tolerance));

    [Fact]
    public void Verify_TimestampChangedAfterSigning_NoMatchingSignature() =>
        Assert.Equal(Verification.NoMatchingSignature, WebhookSignature.Verify(
            WebhookSignature.Key(Secret), Id, (Timestamp + 1).ToString(CultureInfo.InvariantCulture), Signature, Body, SentAt, Tolerance));

    [Theory]
    [InlineData("v1,bm9wZQ== " + Signature)]
    [InlineData(Signature + " v1,bm9wZQ==")]
    [InlineData("v1a,c29tZXRoaW5nIGVsc2U= " + Signature)]
    public void Verify_SeveralSignaturesOneMatching_Valid(string header) => Assert.Equal(Verification.Valid, Check(header));

    [Theory]
    [InlineData("v1,bm9wZQ== v1,YWxzbyBub3Q=")]
    [InlineData("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    public void Verify_SeveralSignaturesNoneMatching_NoMatchingSignature(string header) =>
        Assert.Equal(Verification.NoMatchingSignature, Check(header));

    [Theory]
    [InlineData(null, "1614265330", Signature)]
    [InlineData(Id, null, Signature)]
    [InlineData(Id, "1614265330", null)]
    public void Verify_MissingHeader_MissingHeaders(string? id, string? timestamp, string? signature) =>
        Assert.Equal(Verification.MissingHeaders, WebhookSignature.Verify(WebhookSignature.Key(Secret), id, timestamp, signature, Body, SentAt, Tolerance));

    [Fact]
    public void Verify_TimestampNotANumber_BadTimestamp() =>
        Assert.Equal(Verification.BadTimestamp, WebhookSignature.Verify(WebhookSignature.Key(Secret), Id, "yesterday", Signature, Body, SentAt, Tolerance));

    private static Verification Check(string header) =>
        WebhookSignature.Verify(WebhookSignature.Key(Secret), Id, "1614265330", header, Body, SentAt, Tolerance);
}
