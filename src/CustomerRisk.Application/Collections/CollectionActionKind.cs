namespace CustomerRisk.Application.Collections;

/// <summary>What a collector did. Codes: <c>call</c>, <c>email</c>, <c>letter</c>, <c>visit</c>, <c>agency</c>.</summary>
public enum CollectionActionKind
{
    /// <summary>A telephone call (recorded as a <c>collection_call</c> interaction too).</summary>
    Call,

    /// <summary>An e-mail reminder.</summary>
    Email,

    /// <summary>A letter or formal notice.</summary>
    Letter,

    /// <summary>A visit (recorded as a <c>visit</c> interaction too).</summary>
    Visit,

    /// <summary>Handed to a collection agency or to legal.</summary>
    Agency,
}
