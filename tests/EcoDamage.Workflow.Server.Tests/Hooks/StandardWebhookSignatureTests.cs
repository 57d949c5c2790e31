using System.Text;
using EcoDamage.Workflow.Messaging.Webhooks;

namespace EcoDamage.Workflow.Server.Tests.Hooks;

public sealed class StandardWebhookSignatureTests
{
    // The published Standard Webhooks test vector: what any conforming library signs and accepts.
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long VectorTimestamp = 1614265330;
    private const string VectorBody = "{\"test\": 2432232314}";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static readonly DateTimeOffset VectorTime = DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(VectorBody);

    private static byte[] Key
    {
        get
        {
            Assert.True(StandardWebhookSignature.TryDecodeSecret(VectorSecret, out var key));
            return key;
        }
    }

    [Fact]
    public void Sign_PublishedVector_ReproducesSignature() =>
        Assert.Equal(VectorSignature, StandardWebhookSignature.Sign(Key, VectorId, VectorTimestamp, Body));

    [Fact]
    public void Verify_PublishedVector_Valid() =>
        Assert.Equal(SignatureCheck.Valid, Check(VectorSignature));

    [Theory]
    [InlineData("v1,bm9wZQ== v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("garbage  v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= v1,bm9wZQ==")]
    public void Verify_OneMatchingAmongSeveral_Valid(string signatures) =>
        Assert.Equal(SignatureCheck.Valid, Check(signatures));

    [Theory]
    [InlineData("v1,h0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1,not base64!")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE")]
    [InlineData("v1,")]
    public void Verify_NoMatchingV1Signature_Invalid(string signatures) =>
        Assert.Equal(SignatureCheck.Invalid, Check(signatures));

    [Fact]
    public void Verify_TamperedBody_Invalid() =>
        Assert.Equal(SignatureCheck.Invalid, StandardWebhookSignature.Verify(
            Key, VectorId, "1614265330", VectorSignature, Encoding.UTF8.GetBytes("{\"test\": 2432232315}"), VectorTime, TimeSpan.FromMinutes(5)));

    [Fact]
    public void Verify_OtherId_Invalid() =>
        Assert.Equal(SignatureCheck.Invalid, StandardWebhookSignature.Verify(
            Key, "msg_other", "1614265330", VectorSignature, Body, VectorTime, TimeSpan.FromMinutes(5)));

    [Fact]
    public void Verify_WrongSecret_Invalid()
    {
        Assert.True(StandardWebhookSignature.TryDecodeSecret(StandardWebhookSignature.NewSecret(), out var other));

        Assert.Equal(SignatureCheck.Invalid, StandardWebhookSignature.Verify(
            other, VectorId, "1614265330", VectorSignature, Body, VectorTime, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(-301, "OutsideTolerance")]
    [InlineData(-300, "Valid")]
    [InlineData(300, "Valid")]
    [InlineData(301, "OutsideTolerance")]
    public void Verify_Timestamp_JudgedAgainstToleranceBothWays(int secondsFromNow, string expected)
    {
        var now = VectorTime.AddSeconds(-secondsFromNow);

        Assert.Equal(expected, StandardWebhookSignature.Verify(Key, VectorId, "1614265330", VectorSignature, Body, now, TimeSpan.FromMinutes(5)).ToString());
    }

    [Theory]
    [InlineData(null, "1614265330", VectorSignature, "Missing")]
    [InlineData(VectorId, null, VectorSignature, "Missing")]
    [InlineData(VectorId, "1614265330", null, "Missing")]
    [InlineData(VectorId, "1614265330", " ", "Missing")]
    [InlineData(VectorId, "16142x5330", VectorSignature, "MalformedTimestamp")]
    [InlineData(VectorId, "-1614265330", VectorSignature, "MalformedTimestamp")]
    public void Verify_MissingOrMalformedHeader_Refused(string? id, string? timestamp, string? signatures, string expected) =>
        Assert.Equal(expected, StandardWebhookSignature.Verify(Key, id, timestamp, signatures, Body, VectorTime, TimeSpan.FromMinutes(5)).ToString());

    [Fact]
    public void SignThenVerify_RoundTrips()
    {
        Assert.True(StandardWebhookSignature.TryDecodeSecret(StandardWebhookSignature.NewSecret(), out var key));
        var body = Encoding.UTF8.GetBytes("{\"channel\":\"suddenIncident\",\"description\":\"化工企业偷排废水\"}");

        var signature = StandardWebhookSignature.Sign(key, "msg_1", 1_700_000_000, body);

        Assert.Equal(SignatureCheck.Valid, StandardWebhookSignature.Verify(
            key, "msg_1", "1700000000", signature, body, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true)]
    [InlineData("whsec_c2hvcnQ=", false)]
    [InlineData("whsec_not base64", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryDecodeSecret_AcceptsBase64Of24To64Bytes(string? secret, bool expected) =>
        Assert.Equal(expected, StandardWebhookSignature.TryDecodeSecret(secret, out _));

    private static SignatureCheck Check(string signatures) =>
        StandardWebhookSignature.Verify(Key, VectorId, "1614265330", signatures, Body, VectorTime, TimeSpan.FromMinutes(5));
}
