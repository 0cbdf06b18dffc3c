#pragma once
// 002 POST api/orders: orders for new mobile subscriptions (OrderCreationRequest). JSON by
// Newtonsoft, XML by DataContractSerializer: root and controller types in the controllers'
// namespace, the other types' members in the empty namespace (xmlns=""), members alphabetical
// with base-class members first.
//
// Nullability from the sample (a Nullable<T> takes a fresh counter, so shows 1 or true):
// DonorContractTypePrepaid, TempNumberStartDate, BankInformationId, InitialBalance, PayerAddressId,
// PaymentInformationId, ShippingAddressId, TopUpAmount, TopUpThreshold, the two wholesale ids and
// SubscriptionId. One of Date and OrderGroupGuid is nullable (PackageProvisioningCode gets 13, not
// 14); the sample cannot say which, and the group GUID is the one that reads as optional.
// OrderDetail's JSON lists the derived class's members first, then its base class's; XML puts the
// base-class members first.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "orderkit/core/meta.hpp"

namespace orderkit::mobile {

inline constexpr meta::ApiInfo api{
    "mobile", "002 POST api/orders: mobile subscription orders (OrderCreationRequest)", meta::XmlStyle::data_contract,
    false,
    /*summary=*/"Creates an order for a new subscription of any type.",
    /*request_doc=*/
    "An object containing information about the order to create. Note that some fields can be omitted depending "
    "on the subscription category.",
    /*response_doc=*/"The created order."};
/// DataContract namespace of the controller's nested types (OrdersController.*).
inline constexpr const char* controllers_ns =
    "http://schemas.datacontract.org/2004/07/LimitlessMobile.WebAPI.Controllers";

#define ORDERKIT_MOBILE_ADDRESS(F, C)                           \
  F(ApartmentNumber, std::optional<std::string>, meta::none)    \
  F(Attention, std::optional<std::string>, meta::none)          \
  F(City, std::optional<std::string>, meta::none)               \
  F(Co, std::optional<std::string>, meta::none)                 \
  F(ContactEmail, std::optional<std::string>, meta::none)       \
  F(ContactName, std::optional<std::string>, meta::none)        \
  F(ContactPhoneNumber, std::optional<std::string>, meta::none) \
  F(Country, std::optional<std::string>, meta::none)            \
  F(Email, std::optional<std::string>, meta::none)              \
  F(FaxNumber, std::optional<std::string>, meta::none)          \
  F(Floor, std::optional<std::string>, meta::none)              \
  F(HouseNumber, std::optional<std::string>, meta::none)        \
  F(Letter, std::optional<std::string>, meta::none)             \
  F(PhoneNumber, std::optional<std::string>, meta::none)        \
  F(PlaceName, std::optional<std::string>, meta::none)          \
  F(PostBox, std::optional<std::string>, meta::none)            \
  F(Side, std::optional<std::string>, meta::none)               \
  F(Street, std::optional<std::string>, meta::none)             \
  F(ZipCode, std::optional<std::string>, meta::none)
/// A postal address.
ORDERKIT_MODEL(Address, ORDERKIT_MOBILE_ADDRESS, &api, "Address", "")

#define ORDERKIT_MOBILE_ADDITIONALADDRESS(F, C)          \
  F(Address, std::optional<mobile::Address>, meta::none) \
  F(CompanyName, std::optional<std::string>, meta::none) \
  F(CustomerType, std::int32_t, meta::none)              \
  F(Firstname, std::optional<std::string>, meta::none)   \
  F(Lastname, std::optional<std::string>, meta::none)
/// A billing or shipping address with the name it is addressed to.
ORDERKIT_MODEL(AdditionalAddress, ORDERKIT_MOBILE_ADDITIONALADDRESS, &api, "AdditionalAddress", "")

#define ORDERKIT_MOBILE_ORDERDETAIL(F, C)                                                 \
  F(DonorAccountNumber, std::optional<std::string>, meta::none)                           \
  F(DonorContractTypePrepaid, std::optional<bool>, meta::none)                            \
  F(DonorOperatorCode, std::optional<std::string>, meta::none)                            \
  F(IccId, std::optional<std::string>, meta::none)                                        \
  F(NpSubscriberId, std::optional<std::string>, meta::none)                               \
  F(NumberPorting, bool, meta::none)                                                      \
  F(NumberReservationCode, std::optional<std::string>, meta::none)                        \
  F(PhoneNumber, std::optional<std::string>, meta::none)                                  \
  F(SimTypeId, std::int32_t, meta::none)                                                  \
  F(TempNumberStartDate, std::optional<DateTime>, meta::none)                             \
  F(TemporaryPhoneNumber, std::optional<std::string>, meta::none)                         \
  F(BankInformationId, std::optional<std::int32_t>, meta::base_class)                     \
  F(CreatedBy, std::optional<std::string>, meta::base_class)                              \
  F(CustomerId, std::int32_t, meta::base_class)                                           \
  F(Date, DateTime, meta::base_class)                                                     \
  F(InitialBalance, std::optional<std::int32_t>, meta::base_class)                        \
  F(OrderGroupGuid, std::optional<Guid>, meta::base_class | meta::omit_when_unset)        \
  F(PackageProvisioningCode, std::int32_t, meta::base_class)                              \
  F(PayerAddressId, std::optional<std::int32_t>, meta::base_class)                        \
  F(PaymentInformationId, std::optional<std::int32_t>, meta::base_class)                  \
  F(PricePlanProvisioningCode, std::int32_t, meta::base_class)                            \
  F(ProductProvisioningCodes, std::optional<std::vector<std::int32_t>>, meta::base_class) \
  F(SalesCode, std::optional<std::string>, meta::base_class)                              \
  F(ShippingAddressId, std::optional<std::int32_t>, meta::base_class)                     \
  F(SubscriptionTypeId, std::int32_t, meta::base_class)                                   \
  F(TopUpAmount, std::optional<std::int32_t>, meta::base_class)                           \
  F(TopUpThreshold, std::optional<std::int32_t>, meta::base_class)                        \
  F(TopUpType, std::int32_t, meta::base_class)                                            \
  F(WholeSaleSalesRepresentativeId, std::optional<std::int32_t>, meta::base_class)        \
  F(WholeSalesPartnerId, std::optional<std::int32_t>, meta::base_class)
/// One subscription to create: number (new, reserved or ported), SIM, plan and top-up.
ORDERKIT_MODEL(OrderDetail, ORDERKIT_MOBILE_ORDERDETAIL, &api, "OrderDetail", "")

#define ORDERKIT_MOBILE_ORDERITEM(F, C)        \
  F(CategoryId, std::int32_t, meta::none)      \
  F(VoluntaryTopupAmount, Decimal, meta::none) \
  F(OrderDetail, std::optional<mobile::OrderDetail>, meta::none)
/// One item of an order: its subscription category and details.
ORDERKIT_MODEL(OrderItem, ORDERKIT_MOBILE_ORDERITEM, &api, "OrdersController.OrderItem", controllers_ns)

#define ORDERKIT_MOBILE_ORDERCREATIONREQUEST(F, C)                       \
  F(OrderDetails, std::optional<std::vector<OrderItem>>, meta::none)     \
  F(PaymentId, std::int32_t, meta::none)                                 \
  F(OrderPaymentAccountSourceId, std::optional<std::string>, meta::none) \
  F(OrderPaymentDescription, std::optional<std::string>, meta::none)     \
  F(NewBillingAddress, std::optional<AdditionalAddress>, meta::none)     \
  F(NewShippingAddress, std::optional<AdditionalAddress>, meta::none)
/// An order for one or more new subscriptions, with payment and optional new addresses.
ORDERKIT_MODEL(OrderCreationRequest, ORDERKIT_MOBILE_ORDERCREATIONREQUEST, &api,
               "OrdersController.OrderCreationRequest", controllers_ns)

#define ORDERKIT_MOBILE_ORDER(F, C)                          \
  F(CategoryId, std::int32_t, meta::none)                    \
  F(CreatedDate, DateTime, meta::none)                       \
  F(Date, DateTime, meta::none)                              \
  F(Id, std::int32_t, meta::none)                            \
  F(OrderTypeId, std::int32_t, meta::none)                   \
  F(PhoneNumber, std::optional<std::string>, meta::none)     \
  F(SalesCode, std::optional<std::string>, meta::none)       \
  F(StatusId, std::int32_t, meta::none)                      \
  F(SubscriptionId, std::optional<std::int32_t>, meta::none) \
  F(WholeSalesPartnerId, std::int32_t, meta::none)
/// A created order as stored by the server.
ORDERKIT_MODEL(Order, ORDERKIT_MOBILE_ORDER, &api, "Order", "")

#define ORDERKIT_MOBILE_ORDERDETAILRESULT(F, C)           \
  F(Success, bool, meta::none)                            \
  F(ErrorMessage, std::optional<std::string>, meta::none) \
  F(Order, std::optional<mobile::Order>, meta::none)
/// The outcome for one posted item: the order, or why it failed.
ORDERKIT_MODEL(OrderDetailResult, ORDERKIT_MOBILE_ORDERDETAILRESULT, &api, "OrdersController.OrderDetailResult",
               controllers_ns)

#define ORDERKIT_MOBILE_MODELS(M) \
  M(Address) M(AdditionalAddress) M(OrderDetail) M(OrderItem) M(OrderCreationRequest) M(Order) M(OrderDetailResult)
#define ORDERKIT_MOBILE_BODY_MODELS(M) ORDERKIT_MOBILE_MODELS(M)

}  // namespace orderkit::mobile
