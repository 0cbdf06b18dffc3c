#pragma once
// 003 POST api/order/data: a license order from an external source (OrderRequest), answered with
// a FluentValidation ValidationResult. JSON by Newtonsoft, XML by XmlSerializer.
//
// Quirks kept from the page: the JSON sample carries Source and AccountId, which the table and the
// XML lack; the ValidationResult JSON is camelCase ({"errors": []}) and its XML shows no Errors
// element when there are none. ValidationFailure's members are not documented; they follow
// FluentValidation's ValidationFailure (PropertyName, ErrorMessage, AttemptedValue, ErrorCode,
// Severity). AttemptedValue is `object` in .NET (a number, a string or an object on the wire): it
// is read from any JSON value and kept as text (meta::any_value). A real server sends the members
// keyed by their backing fields ("<PropertyName>k__BackingField"), which decoding accepts.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "orderkit/core/meta.hpp"

namespace orderkit::licenses {

inline constexpr meta::ApiInfo api{"licenses",
                                   "003 POST api/order/data: license order (OrderRequest)",
                                   meta::XmlStyle::xml_serializer,
                                   /*xsd_before_xsi=*/false,
                                   /*summary=*/"Adding new license from external source",
                                   /*request_doc=*/"New license order informations.",
                                   /*response_doc=*/"Resonse if license pass validation."};  // sic, as the page has it

#define ORDERKIT_LICENSES_ADDRESS(F, C)             \
  F(Street, std::optional<std::string>, meta::none) \
  F(City, std::optional<std::string>, meta::none)   \
  F(ZipCode, std::optional<std::string>, meta::none)
/// The license owner's postal address.
ORDERKIT_MODEL(Address, ORDERKIT_LICENSES_ADDRESS, &api, "Address", "")

#define ORDERKIT_LICENSES_CONTACTREQUEST(F, C)           \
  F(Email, std::optional<std::string>, meta::none)       \
  F(PhoneNumber, std::optional<std::string>, meta::none) \
  F(PersonName, std::optional<std::string>, meta::none)
/// A contact person.
ORDERKIT_MODEL(ContactRequest, ORDERKIT_LICENSES_CONTACTREQUEST, &api, "ContactRequest", "")

#define ORDERKIT_LICENSES_LICENSEOWNERREQUEST(F, C)        \
  F(Type, std::optional<std::string>, meta::none)          \
  F(Identifier, std::optional<std::string>, meta::none)    \
  F(Name, std::optional<std::string>, meta::none)          \
  F(Address, std::optional<licenses::Address>, meta::none) \
  F(Contact, std::optional<ContactRequest>, meta::none)
/// The organisation that will own the license.
ORDERKIT_MODEL(LicenseOwnerRequest, ORDERKIT_LICENSES_LICENSEOWNERREQUEST, &api, "LicenseOwnerRequest", "")

#define ORDERKIT_LICENSES_TARGETREQUEST(F, C)           \
  F(Type, std::optional<std::string>, meta::none)       \
  F(Identifier, std::optional<std::string>, meta::none) \
  F(Name, std::optional<std::string>, meta::none)       \
  F(ClassIdentifiers, std::optional<std::string>, meta::none)
/// What the license is for.
ORDERKIT_MODEL(TargetRequest, ORDERKIT_LICENSES_TARGETREQUEST, &api, "TargetRequest", "")

#define ORDERKIT_LICENSES_AGREEMENT(F, C)                       \
  F(AgreementNo, std::optional<std::string>, meta::none)        \
  F(MunicipalNo, std::optional<std::string>, meta::none)        \
  F(MunicipalAgreement, std::optional<std::string>, meta::none) \
  F(AgreementStartDate, std::optional<std::string>, meta::none) \
  F(AgreementEndDate, std::optional<std::string>, meta::none)   \
  F(NoOfMonthInvoiced, std::optional<std::string>, meta::none)  \
  F(NoOfMonthAgreement, std::optional<std::string>, meta::none) \
  F(TotalAmount, Decimal, meta::none)                           \
  F(RemainingAmount, Decimal, meta::none)                       \
  F(MunicipalName, std::optional<std::string>, meta::none)      \
  F(ContactNo, std::optional<std::string>, meta::none)          \
  F(ActualAmount, Decimal, meta::none)                          \
  F(ContactName, std::optional<std::string>, meta::none)        \
  F(LineDiscount, Decimal, meta::none)                          \
  F(LineDiscountAmount, Decimal, meta::none)
/// The municipal agreement the license is ordered under, with its amounts.
ORDERKIT_MODEL(Agreement, ORDERKIT_LICENSES_AGREEMENT, &api, "Agreement", "")

#define ORDERKIT_LICENSES_SUBSCRIPTIONREQUEST(F, C)                \
  F(SubscriptionNumber, std::optional<std::string>, meta::none)    \
  F(SubscriptionStartDate, std::optional<std::string>, meta::none) \
  F(SubscriptionEndDate, std::optional<std::string>, meta::none)
/// The subscription the license belongs to.
ORDERKIT_MODEL(SubscriptionRequest, ORDERKIT_LICENSES_SUBSCRIPTIONREQUEST, &api, "SubscriptionRequest", "")

#define ORDERKIT_LICENSES_ORDERREQUEST(F, C)                                  \
  F(Action, std::optional<std::string>, meta::none)                           \
  F(Owner, std::optional<LicenseOwnerRequest>, meta::none)                    \
  F(Target, std::optional<TargetRequest>, meta::none)                         \
  F(StartDate, std::optional<std::string>, meta::none)                        \
  F(EndDate, std::optional<std::string>, meta::none)                          \
  F(Ean, std::optional<std::string>, meta::none)                              \
  F(Security, std::optional<std::string>, meta::none)                         \
  F(Contact, std::optional<ContactRequest>, meta::none)                       \
  F(Quantity, std::int32_t, meta::none)                                       \
  F(Grade, std::optional<std::string>, meta::none)                            \
  F(AccessType, std::optional<std::string>, meta::none)                       \
  F(LicenseType, std::optional<std::string>, meta::none)                      \
  F(OrderRef, std::optional<std::string>, meta::none)                         \
  F(AllowableUserRoles, std::optional<std::string>, meta::none)               \
  F(PrivilegedUserRoles, std::optional<std::string>, meta::none)              \
  F(PreSet, std::optional<std::string>, meta::none)                           \
  F(SubscriptionNumber, std::optional<std::string>, meta::none)               \
  F(Agreement, std::optional<licenses::Agreement>, meta::none)                \
  F(Subscription, std::optional<SubscriptionRequest>, meta::none)             \
  F(Source, std::optional<std::string>, meta::json_only | meta::undocumented) \
  F(AccountId, std::optional<Guid>, meta::json_only | meta::undocumented | meta::omit_when_unset)
/// A new license order.
ORDERKIT_MODEL(OrderRequest, ORDERKIT_LICENSES_ORDERREQUEST, &api, "OrderRequest", "")

#define ORDERKIT_LICENSES_VALIDATIONFAILURE(F, C)                                     \
  F(PropertyName, std::optional<std::string>, meta::undocumented)                     \
  F(ErrorMessage, std::optional<std::string>, meta::undocumented)                     \
  F(AttemptedValue, std::optional<std::string>, meta::undocumented | meta::any_value) \
  F(ErrorCode, std::optional<std::string>, meta::undocumented)                        \
  F(Severity, std::int32_t, meta::undocumented)
/// One failed rule: which property, and why.
ORDERKIT_MODEL(ValidationFailure, ORDERKIT_LICENSES_VALIDATIONFAILURE, &api, "ValidationFailure", "",
               meta::NameCase::camel)

// Errors is FluentValidation's get-only IList<ValidationFailure>: XmlSerializer skips it, so the
// XML answer never lists failures, however many (settled by the .NET oracle's
// validation_result_xml_has_no_errors; docs/models.md).
#define ORDERKIT_LICENSES_VALIDATIONRESULT(F, C) \
  C(IsValid, bool, Errors.empty())               \
  F(Errors, std::vector<ValidationFailure>, meta::get_only | meta::json_only)
/// The server's verdict on a license order: valid, or every failed rule.
ORDERKIT_MODEL(ValidationResult, ORDERKIT_LICENSES_VALIDATIONRESULT, &api, "ValidationResult", "",
               meta::NameCase::camel)

// clang-format off
#define ORDERKIT_LICENSES_MODELS(M)                                                       \
  M(Address) M(ContactRequest) M(LicenseOwnerRequest) M(TargetRequest) M(Agreement)      \
  M(SubscriptionRequest) M(OrderRequest) M(ValidationFailure) M(ValidationResult)
// clang-format on
#define ORDERKIT_LICENSES_BODY_MODELS(M) ORDERKIT_LICENSES_MODELS(M)

}  // namespace orderkit::licenses
