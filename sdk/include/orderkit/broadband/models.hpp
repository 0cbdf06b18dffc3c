#pragma once
// 000 POST api/orders: a broadband access order (OrderNew). JSON only, written by Newtonsoft.
//
// Nullability is read off the page's sample, whose generator gives a Nullable<T> a fresh counter:
// Customer's IsCompany takes the number 2 (so it is a plain bool). Of AccessId, ProductId,
// StartDate and StopDate exactly one must be nullable, since CurrentOperator gets 4; the sample
// cannot say which, and StopDate (an open-ended access) is the one that reads as optional. The
// server's StopDate may still be a plain DateTime, which refuses null: an unset StopDate is left out
// of the JSON (meta::omit_when_unset), so Newtonsoft keeps its default; null is still read.
#include <cstdint>
#include <optional>
#include <string>

#include "orderkit/core/meta.hpp"

namespace orderkit::broadband {

inline constexpr meta::ApiInfo api{"broadband", "000 POST api/orders: broadband access order (OrderNew)",
                                   meta::XmlStyle::none, false};

#define ORDERKIT_BROADBAND_CUSTOMER(F, C)                           \
  F(ClientCustomerNumber, std::optional<std::string>, meta::none)   \
  F(IsCompany, bool, meta::none)                                    \
  F(CompanyName, std::optional<std::string>, meta::none)            \
  F(Firstname, std::optional<std::string>, meta::none)              \
  F(Lastname, std::optional<std::string>, meta::none)               \
  F(SSN, std::optional<std::string>, meta::none)                    \
  F(Phone, std::optional<std::string>, meta::none)                  \
  F(Mobile, std::optional<std::string>, meta::none)                 \
  F(Email, std::optional<std::string>, meta::none)                  \
  F(StreetName, std::optional<std::string>, meta::none)             \
  F(StreetNumber, std::optional<std::string>, meta::none)           \
  F(ApartmentNumber, std::optional<std::string>, meta::none)        \
  F(Zipcode, std::optional<std::string>, meta::none)                \
  F(City, std::optional<std::string>, meta::none)                   \
  F(COAddress, std::optional<std::string>, meta::none)              \
  F(InvoiceFirstName, std::optional<std::string>, meta::none)       \
  F(InvoiceLastName, std::optional<std::string>, meta::none)        \
  F(InvoiceStreetName, std::optional<std::string>, meta::none)      \
  F(InvoiceStreetNumber, std::optional<std::string>, meta::none)    \
  F(InvoiceApartmentNumber, std::optional<std::string>, meta::none) \
  F(InvoiceZipcode, std::optional<std::string>, meta::none)         \
  F(InvoiceCity, std::optional<std::string>, meta::none)
/// The customer placing a broadband order, with contact and invoice address.
ORDERKIT_MODEL(Customer, ORDERKIT_BROADBAND_CUSTOMER, &api, "Customer", "")

#define ORDERKIT_BROADBAND_ORDERNEW(F, C)                     \
  F(AccessId, Guid, meta::none)                               \
  F(ProductId, Guid, meta::none)                              \
  F(StartDate, DateTime, meta::none)                          \
  F(StopDate, std::optional<DateTime>, meta::omit_when_unset) \
  F(CurrentOperator, std::optional<std::string>, meta::none)  \
  F(InvoiceType, std::optional<std::string>, meta::none)      \
  F(UTM, std::optional<std::string>, meta::none)              \
  F(Customer, std::optional<broadband::Customer>, meta::none)
/// A new broadband access order; the API answers with the stored order.
ORDERKIT_MODEL(OrderNew, ORDERKIT_BROADBAND_ORDERNEW, &api, "OrderNew", "")

#define ORDERKIT_BROADBAND_MODELS(M) M(Customer) M(OrderNew)
#define ORDERKIT_BROADBAND_BODY_MODELS(M) ORDERKIT_BROADBAND_MODELS(M)

}  // namespace orderkit::broadband
