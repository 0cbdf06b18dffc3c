#include "corpus.hpp"

#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "orderkit/codec.hpp"

namespace orderkit::bench {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A small deterministic generator, so every run (native and wasm) measures the same bytes.
class Rng {
 public:
  explicit Rng(std::uint32_t seed) : state_(seed) {}
  std::uint32_t next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 17;
    state_ ^= state_ << 5;
    return state_;
  }
  std::uint32_t below(std::uint32_t n) { return next() % n; }
  bool chance(std::uint32_t percent) { return below(100) < percent; }

 private:
  std::uint32_t state_;
};

const char* const kFirstNames[] = {"Kari", "Ola", "Åse", "Jürgen", "Siobhán", "Li", "Maria-José", "Tom"};
const char* const kStreets[] = {"Storgata", "Kongens gate", "Rue de l'Église", "Main Street",
                                "Bjørnstjerne Bjørnsons vei"};
const char* const kCities[] = {"Oslo", "Bergen", "Tromsø", "Zürich", "Dublin"};

std::optional<std::string> maybe(Rng& rng, std::uint32_t percent, std::string text) {
  if (!rng.chance(percent)) return std::nullopt;
  return text;
}

mobile::Address make_address(Rng& rng, std::size_t n) {
  mobile::Address a;
  a.Street = kStreets[rng.below(5)];
  a.HouseNumber = std::to_string(1 + rng.below(250));
  a.Letter = maybe(rng, 20, std::string(1, static_cast<char>('A' + rng.below(6))));
  a.ZipCode = std::to_string(1000 + rng.below(9000));
  a.City = kCities[rng.below(5)];
  a.Country = rng.chance(80) ? "NO" : "DE";
  a.ContactEmail = maybe(rng, 60, "customer" + std::to_string(n) + "@example.com");
  a.ContactPhoneNumber = maybe(rng, 50, "+47 9" + std::to_string(1000000 + rng.below(8999999)));
  a.Co = maybe(rng, 10, "c/o \"Hansen\" & sønner");
  a.Floor = maybe(rng, 30, std::to_string(rng.below(12)));
  return a;
}

mobile::AdditionalAddress make_additional_address(Rng& rng, std::size_t n) {
  mobile::AdditionalAddress a;
  a.Address = make_address(rng, n);
  a.CompanyName = maybe(rng, 25, "Firma " + std::to_string(n) + " AS");
  a.CustomerType = static_cast<std::int32_t>(rng.below(3));
  a.Firstname = std::string(kFirstNames[rng.below(8)]);
  a.Lastname = std::string("Nordmann-") + std::to_string(n);
  return a;
}

mobile::OrderItem make_item(Rng& rng, std::size_t n, std::size_t k) {
  static const char* const kAmounts[] = {"0", "2.0", "50", "99.90", "149.5", "1000.00", "12.345"};
  mobile::OrderItem item;
  item.CategoryId = static_cast<std::int32_t>(1 + rng.below(9));
  item.VoluntaryTopupAmount = *Decimal::parse(kAmounts[rng.below(7)]);
  mobile::OrderDetail d;
  d.NumberPorting = rng.chance(40);
  if (d.NumberPorting) {
    d.DonorAccountNumber = std::to_string(10000000 + rng.below(89999999));
    d.DonorContractTypePrepaid = rng.chance(50);
    d.DonorOperatorCode = "OP" + std::to_string(rng.below(99));
    d.NpSubscriberId = maybe(rng, 50, std::to_string(rng.next()));
  } else {
    d.NumberReservationCode = maybe(rng, 50, "RES-" + std::to_string(rng.next() % 100000));
  }
  d.IccId = "8947" + std::to_string(100000000u + rng.below(899999999u)) + std::to_string(1000000 + rng.below(8999999));
  d.PhoneNumber = "9" + std::to_string(1000000 + rng.below(8999999));
  d.SimTypeId = static_cast<std::int32_t>(rng.below(4));
  if (rng.chance(20))
    d.TempNumberStartDate = *DateTime::parse("2026-03-0" + std::to_string(1 + rng.below(9)) + "T08:30:00+01:00");
  d.TemporaryPhoneNumber = maybe(rng, 20, "4" + std::to_string(1000000 + rng.below(8999999)));
  d.BankInformationId =
      rng.chance(30) ? std::optional<std::int32_t>(static_cast<std::int32_t>(rng.below(100000))) : std::nullopt;
  d.CreatedBy = "sales-web/" + std::to_string(rng.below(40));
  d.CustomerId = static_cast<std::int32_t>(100000 + n * 7 + k);
  d.Date = *DateTime::parse("2026-04-09T14:21:11.4460179+02:00");
  d.InitialBalance =
      rng.chance(50) ? std::optional<std::int32_t>(static_cast<std::int32_t>(rng.below(500))) : std::nullopt;
  if (rng.chance(70)) d.OrderGroupGuid = *Guid::parse("a7d160f7-c91a-4511-a413-a9748adfaadf");
  d.PackageProvisioningCode = static_cast<std::int32_t>(rng.below(1000));
  d.PayerAddressId =
      rng.chance(50) ? std::optional<std::int32_t>(static_cast<std::int32_t>(rng.below(1000000))) : std::nullopt;
  d.PricePlanProvisioningCode = static_cast<std::int32_t>(rng.below(1000));
  if (rng.chance(80)) {
    std::vector<std::int32_t> codes;
    for (std::uint32_t c = rng.below(5); c > 0; --c) codes.push_back(static_cast<std::int32_t>(rng.below(10000)));
    d.ProductProvisioningCodes = std::move(codes);
  }
  d.SalesCode = maybe(rng, 60, "CAMPAIGN-" + std::to_string(rng.below(30)));
  d.SubscriptionTypeId = static_cast<std::int32_t>(rng.below(20));
  d.TopUpAmount =
      rng.chance(30) ? std::optional<std::int32_t>(100 * static_cast<std::int32_t>(rng.below(10))) : std::nullopt;
  d.TopUpThreshold = d.TopUpAmount ? std::optional<std::int32_t>(50) : std::nullopt;
  d.TopUpType = static_cast<std::int32_t>(rng.below(3));
  d.WholeSalesPartnerId =
      rng.chance(40) ? std::optional<std::int32_t>(static_cast<std::int32_t>(rng.below(50))) : std::nullopt;
  item.OrderDetail = std::move(d);
  return item;
}

mobile::OrderCreationRequest make_order(Rng& rng, std::size_t n) {
  mobile::OrderCreationRequest o;
  std::vector<mobile::OrderItem> items;
  for (std::size_t k = 0, count = 1 + rng.below(3); k < count; ++k) items.push_back(make_item(rng, n, k));
  o.OrderDetails = std::move(items);
  o.PaymentId = static_cast<std::int32_t>(1 + rng.below(4));
  o.OrderPaymentAccountSourceId = maybe(rng, 50, "ACC" + std::to_string(rng.next()));
  o.OrderPaymentDescription = maybe(rng, 40, "Order " + std::to_string(n) + " – paid by invoice\n(ref. \"web\")");
  if (rng.chance(70)) o.NewBillingAddress = make_additional_address(rng, n);
  if (rng.chance(40)) o.NewShippingAddress = make_additional_address(rng, n);
  return o;
}

}  // namespace

Document sample_document(const std::string& fixtures_dir) {
  Document d;
  d.name = "sample";
  d.json = read_file(fixtures_dir + "/mobile/OrderCreationRequest.request.json");
  d.xml = read_file(fixtures_dir + "/mobile/OrderCreationRequest.request.xml");
  d.orders.push_back(from_json<mobile::OrderCreationRequest>(d.json).value());
  return d;
}

Document batch_document(std::size_t count) {
  Document d;
  d.name = "batch" + std::to_string(count);
  d.is_batch = true;
  Rng rng(20260409);
  d.orders.reserve(count);
  for (std::size_t n = 0; n < count; ++n) d.orders.push_back(make_order(rng, n));
  d.json = to_json(d.orders, Layout::compact);
  d.xml = to_xml(d.orders, Layout::compact);
  return d;
}

}  // namespace orderkit::bench
