// Page 000 (broadband, POST api/orders): OrderNew and Customer, plain classes read and written by
// Newtonsoft.Json only (the page documents JSON only).
using System;

namespace OrderKit.Oracle.Broadband
{
    public class OrderNew
    {
        public Guid AccessId { get; set; }
        public Guid ProductId { get; set; }
        public DateTime StartDate { get; set; }
        // The sample cannot tell whether StopDate is Nullable<DateTime> (see docs/models.md); the
        // oracle takes the strict reading, so a request that sends null for it is refused here as
        // a server with a plain DateTime would refuse it.
        public DateTime StopDate { get; set; }
        public string CurrentOperator { get; set; }
        public string InvoiceType { get; set; }
        public string UTM { get; set; }
        public Customer Customer { get; set; }
    }

    public class Customer
    {
        public string ClientCustomerNumber { get; set; }
        public bool IsCompany { get; set; }
        public string CompanyName { get; set; }
        public string Firstname { get; set; }
        public string Lastname { get; set; }
        public string SSN { get; set; }
        public string Phone { get; set; }
        public string Mobile { get; set; }
        public string Email { get; set; }
        public string StreetName { get; set; }
        public string StreetNumber { get; set; }
        public string ApartmentNumber { get; set; }
        public string Zipcode { get; set; }
        public string City { get; set; }
        public string COAddress { get; set; }
        public string InvoiceFirstName { get; set; }
        public string InvoiceLastName { get; set; }
        public string InvoiceStreetName { get; set; }
        public string InvoiceStreetNumber { get; set; }
        public string InvoiceApartmentNumber { get; set; }
        public string InvoiceZipcode { get; set; }
        public string InvoiceCity { get; set; }
    }
}
