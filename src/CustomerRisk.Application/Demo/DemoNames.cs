namespace CustomerRisk.Application.Demo;

/// <summary>Word lists for generated customer names, groupings and notes. Some names carry a comma, a quote or an
/// umlaut on purpose, so the files exercise RFC 4180 quoting and UTF-8.</summary>
internal static class DemoNames
{
    public static readonly string[] Stems =
    [
        "Adler", "Baltic", "Nordstern", "Müller", "Keller", "Sunrise", "Atlas", "Orion", "Vega", "Delta", "Harbor",
        "Alpine", "Redwood", "Granite", "Silverline", "Brightwater", "Falcon", "Lindqvist", "Rossi", "Dubois",
        "Kowalski", "Novak", "Ibérica", "Pioneer", "Summit", "Meridian", "Cobalt", "Evergreen", "Westbrook", "Zenith",
    ];

    public static readonly string[] Trades =
    [
        "Metall", "Logistics", "Foods", "Textil", "Bau", "Chemicals", "Electronics", "Plastics", "Paper", "Machinery",
        "Trading", "Components", "Packaging", "Systems", "Supplies",
    ];

    public static readonly string[] LegalForms = ["GmbH", "Ltd", "AG", "GmbH & Co. KG", "S.A.", "Inc.", "B.V.", "Oy", "s.r.o."];

    public static readonly string[] Surnames =
    [
        "Smith", "Jones", "Weber", "Schulz", "Martin", "Bernard", "Fischer", "Costa", "Jensen", "Horvat", "O'Brien",
    ];

    public static readonly string[] Industries =
    [
        "Automotive", "Construction", "Food & Beverage", "Retail", "Chemicals", "Machinery", "Textiles",
        "Electronics", "Logistics", "Healthcare",
    ];

    public static readonly string[] Regions = ["North", "South", "East", "West", "Central", "Export"];

    public static readonly string[] SalesOwners =
        ["anna.berg", "ben.okafor", "chen.li", "dora.silva", "emil.novak", "farah.haddad"];

    public static readonly string[] ComplaintNotes =
    [
        "Late delivery", "Wrong quantity, short by 2 pallets", "Damaged packaging", "Quality below spec",
        "Customer says \"not as ordered\"", "Invoice price differs from quote",
    ];

    public static readonly string[] DisputeNotes =
        ["Disputes invoice amount", "Claims goods not received", "Disputes price, awaiting credit note"];

    public static readonly string[] CallNotes =
        ["Reminder call", "Called, no answer", "Spoke to accounts payable", "Left voicemail"];

    public static readonly string[] PromiseNotes = ["Promised payment \"next week\"", "Promised to pay in full", "Payment run on Friday"];

    public static readonly string[] BrokenPromiseNotes = ["Promised payment not received", "Missed promised date"];

    public static readonly string[] BadRecordNotes = ["Reported late payments to other suppliers", "Court judgment, unpaid"];

    public static readonly string[] VisitNotes = ["Quarterly visit", "New product presentation", "Annual review meeting"];
}
