// Page 003 (licenses, POST api/order/data): OrderRequest and its parts are plain classes (JSON by
// Newtonsoft.Json, XML by XmlSerializer). The response is FluentValidation's ValidationResult, a
// [Serializable] type: Web API 2's JsonContractResolver sets IgnoreSerializableAttribute = false,
// so Newtonsoft writes its fields, not its properties ("errors", "<PropertyName>k__BackingField").
using System;
using System.Collections.Generic;
using System.Xml.Serialization;

namespace OrderKit.Oracle.Licenses
{
    public class OrderRequest
    {
        public string Action { get; set; }
        public LicenseOwnerRequest Owner { get; set; }
        public TargetRequest Target { get; set; }
        public string StartDate { get; set; }
        public string EndDate { get; set; }
        public string Ean { get; set; }
        public string Security { get; set; }
        public ContactRequest Contact { get; set; }
        public int Quantity { get; set; }
        public string Grade { get; set; }
        public string AccessType { get; set; }
        public string LicenseType { get; set; }
        public string OrderRef { get; set; }
        public string AllowableUserRoles { get; set; }
        public string PrivilegedUserRoles { get; set; }
        public string PreSet { get; set; }
        public string SubscriptionNumber { get; set; }
        public Agreement Agreement { get; set; }
        public SubscriptionRequest Subscription { get; set; }

        // In the JSON sample only: neither the table nor the XML sample shows them.
        [XmlIgnore]
        public string Source { get; set; }

        // Last in the sample, so its number cannot tell Guid from Guid?; strict reading.
        [XmlIgnore]
        public Guid AccountId { get; set; }
    }

    public class LicenseOwnerRequest
    {
        public string Type { get; set; }
        public string Identifier { get; set; }
        public string Name { get; set; }
        public AddressRequest Address { get; set; }
        public ContactRequest Contact { get; set; }
    }

    public class AddressRequest
    {
        public string Street { get; set; }
        public string City { get; set; }
        public string ZipCode { get; set; }
    }

    public class ContactRequest
    {
        public string Email { get; set; }
        public string PhoneNumber { get; set; }
        public string PersonName { get; set; }
    }

    public class TargetRequest
    {
        public string Type { get; set; }
        public string Identifier { get; set; }
        public string Name { get; set; }
        public string ClassIdentifiers { get; set; }
    }

    public class Agreement
    {
        public string AgreementNo { get; set; }
        public string MunicipalNo { get; set; }
        public string MunicipalAgreement { get; set; }
        public string AgreementStartDate { get; set; }
        public string AgreementEndDate { get; set; }
        public string NoOfMonthInvoiced { get; set; }
        public string NoOfMonthAgreement { get; set; }
        public decimal TotalAmount { get; set; }
        public decimal RemainingAmount { get; set; }
        public string MunicipalName { get; set; }
        public string ContactNo { get; set; }
        public decimal ActualAmount { get; set; }
        public string ContactName { get; set; }
        public decimal LineDiscount { get; set; }
        public decimal LineDiscountAmount { get; set; }
    }

    public class SubscriptionRequest
    {
        public string SubscriptionNumber { get; set; }
        public string SubscriptionStartDate { get; set; }
        public string SubscriptionEndDate { get; set; }
    }

    // FluentValidation 8's ValidationResult: a field behind a get-only IList property.
    [Serializable]
    public class ValidationResult
    {
        private readonly IList<ValidationFailure> errors = new List<ValidationFailure>();

        public bool IsValid => errors.Count == 0;

        public IList<ValidationFailure> Errors => errors;
    }

    public enum Severity
    {
        Error = 0,
        Warning = 1,
        Info = 2,
    }

    // FluentValidation 8's ValidationFailure: auto-properties of a [Serializable] class, so the
    // JSON keys are the compiler's backing fields.
    [Serializable]
    public class ValidationFailure
    {
        public string PropertyName { get; set; }
        public string ErrorMessage { get; set; }
        public object AttemptedValue { get; set; }
        public object CustomState { get; set; }
        public Severity Severity { get; set; }
        public string ErrorCode { get; set; }
    }
}
