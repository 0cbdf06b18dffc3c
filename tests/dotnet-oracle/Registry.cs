// Which .NET type and serializer answer for each model of the four pages, by the names the C++
// registry uses ("mobile", "OrderDetailResult[]").
using System;
using System.Collections.Generic;
using System.Xml.Serialization;

namespace OrderKit.Oracle
{
    public enum XmlKind { None, DataContract, XmlSerializer }

    public sealed class Entry
    {
        public Type Type;
        public XmlKind Xml;
        /// XmlSerializer's root declares xsi and xsd; 001's page shows xsd first, 003's xsi first.
        public bool XsdFirst;

        public string Write(object value, string format)
        {
            if (format == "xml")
            {
                XmlSerializerNamespaces ns = null;
                if (Xml == XmlKind.XmlSerializer)
                {
                    ns = new XmlSerializerNamespaces();
                    const string xsd = "http://www.w3.org/2001/XMLSchema", xsi = "http://www.w3.org/2001/XMLSchema-instance";
                    if (XsdFirst) { ns.Add("xsd", xsd); ns.Add("xsi", xsi); }
                    else { ns.Add("xsi", xsi); ns.Add("xsd", xsd); }
                }
                return OrderKit.Oracle.Xml.Write(value, Type, Xml == XmlKind.XmlSerializer, ns, indented: true);
            }
            return Json.Write(value, indented: format != "html");
        }
    }

    public static class Registry
    {
        static readonly Dictionary<string, Entry> Entries = new Dictionary<string, Entry>
        {
            ["broadband/OrderNew"] = new Entry { Type = typeof(Broadband.OrderNew) },
            ["contracts/OrderBase"] = new Entry { Type = typeof(Contracts.OrderBase), Xml = XmlKind.XmlSerializer, XsdFirst = true },
            ["licenses/OrderRequest"] = new Entry { Type = typeof(Licenses.OrderRequest), Xml = XmlKind.XmlSerializer },
            ["licenses/ValidationResult"] = new Entry { Type = typeof(Licenses.ValidationResult), Xml = XmlKind.XmlSerializer },
            ["mobile/OrderCreationRequest"] = new Entry
            {
                Type = typeof(LimitlessMobile.WebAPI.Controllers.OrdersController.OrderCreationRequest),
                Xml = XmlKind.DataContract,
            },
            ["mobile/OrderDetailResult[]"] = new Entry
            {
                Type = typeof(List<LimitlessMobile.WebAPI.Controllers.OrdersController.OrderDetailResult>),
                Xml = XmlKind.DataContract,
            },
        };

        public static Entry Find(string api, string model) =>
            Entries.TryGetValue(api + "/" + model, out var e) ? e : null;
    }
}
