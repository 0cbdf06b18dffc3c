// Page 002 (mobile, POST api/orders): JSON by Newtonsoft.Json, XML by DataContractSerializer (Web
// API 2's XmlMediaTypeFormatter default). The controller's nested types are named
// "OrdersController.X" in the namespace of their CLR namespace; the other types' members are in
// the empty namespace (the sample's xmlns=""), which the assembly-level ContractNamespace gives
// their CLR namespace. All are plain classes: DataContractSerializer then writes public members in
// ordinal order, base-class members first; Newtonsoft in declaration order, derived class first.
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

[assembly: ContractNamespace("", ClrNamespace = "LimitlessMobile.Models")]

namespace LimitlessMobile.WebAPI.Controllers
{
    public class OrdersController
    {
        public class OrderCreationRequest
        {
            public List<OrderItem> OrderDetails { get; set; }
            public int PaymentId { get; set; }
            public string OrderPaymentAccountSourceId { get; set; }
            public string OrderPaymentDescription { get; set; }
            public LimitlessMobile.Models.AdditionalAddress NewBillingAddress { get; set; }
            public LimitlessMobile.Models.AdditionalAddress NewShippingAddress { get; set; }
        }

        public class OrderItem
        {
            public int CategoryId { get; set; }
            public decimal VoluntaryTopupAmount { get; set; }
            public LimitlessMobile.Models.OrderDetail OrderDetail { get; set; }
        }

        public class OrderDetailResult
        {
            public bool Success { get; set; }
            public string ErrorMessage { get; set; }
            public LimitlessMobile.Models.Order Order { get; set; }
        }
    }
}

namespace LimitlessMobile.Models
{
    public class AdditionalAddress
    {
        public Address Address { get; set; }
        public string CompanyName { get; set; }
        public int CustomerType { get; set; }
        public string Firstname { get; set; }
        public string Lastname { get; set; }
    }

    public class Address
    {
        public string ApartmentNumber { get; set; }
        public string Attention { get; set; }
        public string City { get; set; }
        public string Co { get; set; }
        public string ContactEmail { get; set; }
        public string ContactName { get; set; }
        public string ContactPhoneNumber { get; set; }
        public string Country { get; set; }
        public string Email { get; set; }
        public string FaxNumber { get; set; }
        public string Floor { get; set; }
        public string HouseNumber { get; set; }
        public string Letter { get; set; }
        public string PhoneNumber { get; set; }
        public string PlaceName { get; set; }
        public string PostBox { get; set; }
        public string Side { get; set; }
        public string Street { get; set; }
        public string ZipCode { get; set; }
    }

    // The base class: its members come first in XML and last in JSON.
    public class OrderDetailBase
    {
        public int? BankInformationId { get; set; }
        public string CreatedBy { get; set; }
        public int CustomerId { get; set; }
        public DateTime Date { get; set; }
        public int? InitialBalance { get; set; }
        // Exactly one of Date and OrderGroupGuid is nullable (docs/models.md); the strict reading.
        public Guid OrderGroupGuid { get; set; }
        public int PackageProvisioningCode { get; set; }
        public int? PayerAddressId { get; set; }
        public int? PaymentInformationId { get; set; }
        public int PricePlanProvisioningCode { get; set; }
        public List<int> ProductProvisioningCodes { get; set; }
        public string SalesCode { get; set; }
        public int? ShippingAddressId { get; set; }
        public int SubscriptionTypeId { get; set; }
        public int? TopUpAmount { get; set; }
        public int? TopUpThreshold { get; set; }
        public int TopUpType { get; set; }
        public int? WholeSaleSalesRepresentativeId { get; set; }
        public int? WholeSalesPartnerId { get; set; }
    }

    public class OrderDetail : OrderDetailBase
    {
        public string DonorAccountNumber { get; set; }
        public bool? DonorContractTypePrepaid { get; set; }
        public string DonorOperatorCode { get; set; }
        public string IccId { get; set; }
        public string NpSubscriberId { get; set; }
        public bool NumberPorting { get; set; }
        public string NumberReservationCode { get; set; }
        public string PhoneNumber { get; set; }
        public int SimTypeId { get; set; }
        public DateTime? TempNumberStartDate { get; set; }
        public string TemporaryPhoneNumber { get; set; }
    }

    public class Order
    {
        public int CategoryId { get; set; }
        public DateTime CreatedDate { get; set; }
        public DateTime Date { get; set; }
        public int Id { get; set; }
        public int OrderTypeId { get; set; }
        public string PhoneNumber { get; set; }
        public string SalesCode { get; set; }
        public int StatusId { get; set; }
        public int? SubscriptionId { get; set; }
        public int WholeSalesPartnerId { get; set; }
    }
}
