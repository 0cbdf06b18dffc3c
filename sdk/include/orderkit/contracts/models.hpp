#pragma once
// 001 POST v1/CustomerContracts/{id}/Orders?from&till: generates a contract's next order
// (ShopCtrl OrderBase). JSON by Newtonsoft, XML by XmlSerializer.
//
// From the sample: OrderTotalIncVat takes 5 (a plain decimal), MainStatusId and AffiliateId take a
// fresh 1 (Nullable<int>). Type is get-only: it keeps its default 0, takes no number and, being
// get-only, is not written by XmlSerializer.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "orderkit/core/error.hpp"
#include "orderkit/core/meta.hpp"

namespace orderkit::contracts {

inline constexpr meta::ApiInfo api{
    "contracts", "001 POST v1/CustomerContracts/{id}/Orders: a contract's next order (OrderBase)",
    meta::XmlStyle::xml_serializer, /*xsd_before_xsi=*/true,
    /*summary=*/
    "Generate an order for the given customer contract. If both from and till parameters are null, then it "
    "generates an order for the next scheduled period if any. Both from and till parameters must have values or "
    "both must be null. If only one is null it will throw an exception.",
    /*request_doc=*/"", /*response_doc=*/"The generated order or null if not generated."};

/// The order type. Its members are not documented; values travel as integers.
ORDERKIT_ENUM(OrderTypeEnum, std::int32_t)

#define ORDERKIT_CONTRACTS_GENERATEORDERQUERY(F, C)                            \
  F(id, std::int32_t, meta::required | meta::doc("The customer contract id.")) \
  F(from, std::optional<DateTime>, meta::doc("The from date of the period."))  \
  F(till, std::optional<DateTime>, meta::doc("The till date of the period."))
/// The URI parameters: the contract id and an optional period (both ends or neither).
ORDERKIT_MODEL(GenerateOrderQuery, ORDERKIT_CONTRACTS_GENERATEORDERQUERY, &api, "GenerateOrderQuery", "",
               meta::NameCase::as_declared, /*has_body=*/false)
/// The page's rule that from and till both have values or are both null; orderkit::validate
/// applies it with the field rules.
void orderkit_rules(const GenerateOrderQuery& query, const std::string& path, std::vector<FieldError>& out);

#define ORDERKIT_CONTRACTS_ORDERBASE(F, C)                                                                   \
  F(Id, std::int32_t, meta::must_be_zero | meta::doc("Gets or sets the identifier."))                        \
  F(OrderCode, std::optional<std::string>,                                                                   \
    meta::required | meta::max_length(50) | meta::doc("Gets or sets the order code."))                       \
  F(Type, OrderTypeEnum, meta::json_only | meta::get_only | meta::doc("Gets the OrderTypeEnumValue."))       \
  F(OrderTypeId, std::int32_t, meta::required | meta::doc("Gets the OrderTypeId."))                          \
  F(Date, DateTime, meta::required | meta::doc("Gets or sets the date."))                                    \
  F(OrderTotalIncVat, Decimal, meta::doc("Gets or sets the order total with the 'VAT'."))                    \
  F(OrderTotalExVat, Decimal, meta::required | meta::doc("Gets or sets the order total without the 'VAT'.")) \
  F(CurrencyId, std::int32_t, meta::required | meta::doc("Gets or sets the currency identifier."))           \
  F(CurrencyCode, std::optional<std::string>, meta::doc("Gets or sets the currency code."))                  \
  F(Deleted, bool,                                                                                           \
    meta::required | meta::doc("Gets or sets a value indicating whether this "                               \
                               "<see cref=\"T:ShopCtrl.API.Models.OrderBase\" /> is deleted."))              \
  F(ChangeTimestamp, std::optional<DateTime>, meta::doc("Gets or sets the change timestamp."))               \
  F(MainStatusId, std::optional<std::int32_t>, meta::doc("Gets or sets the main status identifier."))        \
  F(AffiliateId, std::optional<std::int32_t>, meta::doc("Gets or sets the Affiliate identifier."))
/// The generated order.
ORDERKIT_MODEL(OrderBase, ORDERKIT_CONTRACTS_ORDERBASE, &api, "OrderBase", "")

#define ORDERKIT_CONTRACTS_MODELS(M) M(GenerateOrderQuery) M(OrderBase)
#define ORDERKIT_CONTRACTS_BODY_MODELS(M) M(OrderBase)

}  // namespace orderkit::contracts
