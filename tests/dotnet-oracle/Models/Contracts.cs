// Page 001 (contracts): OrderBase, a plain class; JSON by Newtonsoft.Json, XML by XmlSerializer.
// The rules are the page's "Additional information" column as DataAnnotations attributes.
using System;
using System.ComponentModel.DataAnnotations;

namespace OrderKit.Oracle.Contracts
{
    public enum OrderTypeEnum
    {
        None = 0,
    }

    public class OrderBase
    {
        // "Must be 0 (for insert operations)": a rule of inserts, checked on requests only; this
        // page's OrderBase is a response (its sample shows Id 1), so the oracle puts no attribute here.
        public int Id { get; set; }

        [Required]
        [MaxLength(50)]
        public string OrderCode { get; set; }

        // Get-only: Newtonsoft writes it, XmlSerializer skips it (the XML sample has no <Type>).
        public OrderTypeEnum Type { get; }

        [Required]
        public int OrderTypeId { get; set; }

        [Required]
        public DateTime Date { get; set; }

        public decimal OrderTotalIncVat { get; set; }

        [Required]
        public decimal OrderTotalExVat { get; set; }

        [Required]
        public int CurrencyId { get; set; }

        public string CurrencyCode { get; set; }

        // A bool sample always shows true, so the page cannot tell bool from bool?; strict reading.
        [Required]
        public bool Deleted { get; set; }

        public DateTime? ChangeTimestamp { get; set; }
        public int? MainStatusId { get; set; }
        public int? AffiliateId { get; set; }
    }
}
