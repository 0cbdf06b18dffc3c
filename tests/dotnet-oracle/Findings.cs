// The review's open questions (issue 14, point 4), settled by the real serializers and validator
// configured as Web API 2 configures them. Each check prints "ok <name>: <what .NET does>" or
// "FAIL <name>: ..."; the C++ side's matching behaviour is described in docs/models.md.
using System;
using System.Collections.Generic;
using System.Linq;

namespace OrderKit.Oracle
{
    public static class Findings
    {
        static int passed, failed;

        static void Expect(string name, bool condition, string detail)
        {
            if (condition) { passed++; Console.WriteLine($"ok   {name}: {detail}"); }
            else { failed++; Console.WriteLine($"FAIL {name}: {detail}"); }
        }

        static (string status, string payload) Run(string op, string api, string model, string format, string body) =>
            Program.Handle(op, api, model, format, body);

        public static int Run()
        {
            // [Required] on a string refuses whitespace-only text, with DataAnnotations' own message.
            var order = new Contracts.OrderBase { OrderCode = "   ", Date = DateTime.Now };
            string json = Json.Write(order, indented: false);
            var (status, payload) = Run("check", "contracts", "OrderBase", "json", json);
            Expect("required_string_refuses_whitespace", status == "invalid" && payload == "OrderCode\tThe OrderCode field is required.\tvalidation", payload);

            (status, payload) = Run("check", "contracts", "OrderBase", "json", json.Replace("\"   \"", "\"x\"").Replace("\"Id\":0", "\"Id\":1"));
            Expect("id_1_is_valid_in_a_response", status == "valid", "the page's response sample has Id 1; no rule refuses it");

            string tooLong = json.Replace("\"   \"", "\"" + new string('x', 51) + "\"");
            (status, payload) = Run("check", "contracts", "OrderBase", "json", tooLong);
            Expect("max_length_message", payload == "OrderCode\tThe field OrderCode must be a string or array type with a maximum length of '50'.\tvalidation", payload);

            // A member with [Required] missing from the JSON: Web API's resolver makes it
            // Required.AllowNull, so Newtonsoft reports it (and then the validator too).
            (status, payload) = Run("check", "contracts", "OrderBase", "json", "{\"OrderCode\":\"x\",\"Date\":\"2026-01-11T16:16:24+01:00\",\"OrderTypeId\":1,\"OrderTotalExVat\":1,\"CurrencyId\":1}");
            Expect("missing_required_member_is_reported", status == "invalid" && payload.Contains("Required property 'Deleted' not found in JSON"), payload);

            // XmlSerializer skips the get-only IList Errors: ValidationResult's XML never has it.
            string failures = "{\"errors\":[{\"<PropertyName>k__BackingField\":\"Quantity\",\"<ErrorMessage>k__BackingField\":\"'Quantity' must be greater than '0'.\",\"<AttemptedValue>k__BackingField\":0}]}";
            (status, payload) = Run("json2xml", "licenses", "ValidationResult", "json", failures);
            Expect("validation_result_xml_has_no_errors", status == "ok" && !payload.Contains("Errors") && !payload.Contains("Quantity"), payload);

            // [Serializable] ValidationFailure is written by its backing fields; AttemptedValue is object.
            var result = new Licenses.ValidationResult();
            result.Errors.Add(new Licenses.ValidationFailure { PropertyName = "Quantity", ErrorMessage = "m", AttemptedValue = 0 });
            result.Errors.Add(new Licenses.ValidationFailure { PropertyName = "Owner", ErrorMessage = "m", AttemptedValue = new Licenses.AddressRequest { City = "Oslo" } });
            string written = Json.Write(result, indented: false);
            Expect("validation_failure_keys_are_backing_fields",
                   written.StartsWith("{\"errors\":[{\"<PropertyName>k__BackingField\":\"Quantity\",\"<ErrorMessage>k__BackingField\":\"m\",\"<AttemptedValue>k__BackingField\":0,"),
                   written);
            Expect("attempted_value_may_be_an_object", written.Contains("\"<AttemptedValue>k__BackingField\":{\"Street\":null,\"City\":\"Oslo\""), written);

            // Null for a member whose .NET type is not nullable refuses that member (the strict
            // reading of 000 StopDate); leaving it out keeps the default and is accepted.
            string sample = "{\"AccessId\":\"7a320186-cd4f-4cf0-8ced-754e90e1d009\",\"StopDate\":null}";
            (status, payload) = Run("check", "broadband", "OrderNew", "json", sample);
            Expect("null_for_a_plain_date_is_refused", status == "invalid" && payload.StartsWith("StopDate\t"), payload);
            (status, payload) = Run("check", "broadband", "OrderNew", "json", "{\"AccessId\":\"7a320186-cd4f-4cf0-8ced-754e90e1d009\"}");
            Expect("left_out_plain_date_is_accepted", status == "valid", payload);

            // 1e400 for an integer: an error at the member's path.
            (status, payload) = Run("check", "licenses", "OrderRequest", "json", "{\"Quantity\": 1e400}");
            Expect("huge_number_names_the_member", status == "invalid" && payload.StartsWith("Quantity\t"), payload);

            // Nesting deeper than MaxDepth 256 is refused by the reader.
            string deep = "{\"Owner\":" + string.Concat(Enumerable.Repeat("[", 300)) + string.Concat(Enumerable.Repeat("]", 300)) + "}";
            (status, payload) = Run("check", "licenses", "OrderRequest", "json", deep);
            Expect("json_deeper_than_256_is_refused", status == "invalid" && payload.Contains("MaxDepth of 256"), payload);

            // An empty body binds no value: Web API reports the parameter as required.
            (status, payload) = Run("check", "licenses", "OrderRequest", "json", "");
            Expect("empty_body_binds_nothing", status == "invalid", payload);

            // Names in other casing bind; unknown members are ignored; "5" binds an int.
            (status, payload) = Run("check", "mobile", "OrderCreationRequest", "json", "{\"paymentid\":\"5\",\"Unknown\":1}");
            Expect("other_casing_and_numbers_as_strings_bind", status == "valid", payload);

            // DataContractSerializer drops members out of order silently.
            string outOfOrder = "<OrdersController.OrderCreationRequest xmlns=\"http://schemas.datacontract.org/2004/07/LimitlessMobile.WebAPI.Controllers\"><PaymentId>5</PaymentId><OrderPaymentDescription>late</OrderPaymentDescription></OrdersController.OrderCreationRequest>";
            (status, payload) = Run("roundtrip", "mobile", "OrderCreationRequest", "xml", outOfOrder);
            Expect("datacontract_drops_members_out_of_order", status == "ok" && !payload.Contains("late") && payload.Contains("<PaymentId>5</PaymentId>"), payload);

            Console.WriteLine($"findings: {passed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        }
    }
}
