using System.Net;
using System.Text;
using System.Text.Json;
using CustomerRisk.Application.Users;

namespace CustomerRisk.Server.Tests;

/// <summary>POST /api/import: counts and rejects per file, all or nothing, and refusals that name the caller's file.</summary>
public sealed class ImportApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Manager => fixture.ClientFor(UserRoles.CreditManager);

    [Fact]
    public async Task Import_OfTwoFiles_CountsAcceptedAndRejectedRowsPerFile_WithTheRejects()
    {
        using var form = Form(
            ("customers.csv", "customer_id,name,region,sales_owner,payment_terms_days\r\nUP-1,Upload One,North,zoe,30\r\nUP-2,Upload Two,South,zoe,45\r\n"),
            ("invoices.csv", "invoice_id,customer_id,issue_date,due_date,amount\r\nUI-1,UP-1,2026-05-01,2026-05-31,1000.00\r\nUI-2,UP-1,2026-05-02,not a date,50\r\nUI-3,UP-9,2026-05-02,2026-06-01,70\r\n"));

        using var response = await Manager.PostAsync("/api/import", form);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("file").GetString()!);
        Assert.Equal(2, files["customers.csv"].GetProperty("inserted").GetInt32());
        Assert.Equal(0, files["customers.csv"].GetProperty("rejected").GetInt64());
        Assert.Equal(1, files["invoices.csv"].GetProperty("accepted").GetInt64());
        Assert.Equal(2, files["invoices.csv"].GetProperty("rejected").GetInt64());
        var rejects = files["invoices.csv"].GetProperty("rejects").EnumerateArray().ToArray();
        Assert.Equal([3L, 4L], rejects.Select(r => r.GetProperty("line").GetInt64()));
        Assert.Equal("due_date", rejects[0].GetProperty("column").GetString());
        using var customer = await Manager.GetAsync("/api/customers/UP-2");
        Assert.Equal(HttpStatusCode.OK, customer.StatusCode);
    }

    [Fact]
    public async Task Import_OfAnUnreadableFile_Is400_NamesTheUploadedFileOnly_AndImportsNothing()
    {
        using var form = Form(
            ("customers.csv", "customer_id,name,region,sales_owner,payment_terms_days\r\nUP-7,Never Imported,North,zoe,30\r\n"),
            ("payments.csv", "this,is,not,the,header\r\n1,2,3,4,5\r\n"));

        using var response = await Manager.PostAsync("/api/import", form);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("payments.csv", text, StringComparison.Ordinal);
        Assert.DoesNotContain("crisk-upload-", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), text, StringComparison.Ordinal);
        using var customer = await Manager.GetAsync("/api/customers/UP-7");
        Assert.Equal(HttpStatusCode.NotFound, customer.StatusCode);
    }

    [Fact]
    public async Task Portfolio_SeesAnImportAtOnce_ThoughItsFiguresAreCached()
    {
        var before = await PortfolioCustomersAsync();
        Assert.Equal(before, await PortfolioCustomersAsync());
        using var form = Form(("customers.csv", "customer_id,name,region,sales_owner,payment_terms_days\r\nPF-1,Portfolio New,North,zoe,30\r\n"));

        using var response = await Manager.PostAsync("/api/import", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, await PortfolioCustomersAsync());
    }

    [Theory]
    [InlineData("..\\customers.csv")]
    [InlineData(".customers.csv")]
    [InlineData("notes.txt")]
    [InlineData("mystery.csv")]
    public async Task Import_OfABadFileName_Is400(string name)
    {
        using var form = Form((name, "customer_id,name,payment_terms_days\r\nX,Y,30\r\n"));

        using var response = await Manager.PostAsync("/api/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Import_WithoutMultipart_Is415()
    {
        using var response = await Manager.PostAsync("/api/import", new StringContent("customer_id\r\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Import_UsesOnlyTheBaseNameOfAFile_SoAPathCannotLeaveTheUploadFolder()
    {
        using var form = Form(("../../customers.csv", "customer_id,name,region,sales_owner,payment_terms_days\r\nUP-5,Five,North,zoe,30\r\n"));

        using var response = await Manager.PostAsync("/api/import", form);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"file\":\"customers.csv\"", text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "customers.csv")) && File.GetLastWriteTimeUtc(Path.Combine(Path.GetTempPath(), "customers.csv")) > DateTime.UtcNow.AddMinutes(-1));
    }

    private async Task<int> PortfolioCustomersAsync()
    {
        using var json = JsonDocument.Parse(await Manager.GetStringAsync("/api/portfolio?as_of=2026-06-30"));
        return json.RootElement.GetProperty("portfolio").GetProperty("customers").GetInt32();
    }

    private static MultipartFormDataContent Form(params (string Name, string Text)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, text) in files)
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "files", name);
        }

        return form;
    }
}
