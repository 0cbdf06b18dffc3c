// nlohmann's strict SAX parser forwarding its events to the SDK's JSON decoder; see json_oracle.hpp.
#include "json_oracle.hpp"

#include <nlohmann/json.hpp>

#include "codec/json_decoder.hpp"

namespace orderkit::test::oracle {
namespace {

using Json = nlohmann::json;

class Events final : public nlohmann::json_sax<Json> {
 public:
  explicit Events(codec::json::Decoder& out) : out_(out) {}

  bool null() override { return out_.null(); }
  bool boolean(bool v) override { return out_.boolean(v); }
  bool number_integer(number_integer_t v) override { return out_.integer(v); }
  bool number_unsigned(number_unsigned_t v) override { return out_.unsigned_integer(v); }
  bool number_float(number_float_t, const string_t& text) override { return out_.number(text); }
  bool string(string_t& v) override { return out_.string(v); }
  bool binary(binary_t&) override { return true; }  // not produced by the JSON parser
  bool start_object(std::size_t) override { return deeper() && out_.start_object(); }
  bool end_object() override { return --depth_, out_.end_object(); }
  bool start_array(std::size_t) override { return deeper() && out_.start_array(); }
  bool end_array() override { return --depth_, out_.end_array(); }
  bool key(string_t& k) override { return out_.key(k); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
    out_.syntax_error(ex.what());
    return false;
  }

 private:
  // The servers' limit, which the SDK's reader applies too: Web API 2's MaxDepth of 256 containers.
  bool deeper() {
    if (++depth_ <= 256) return true;
    out_.syntax_error("nesting deeper than 256 levels");
    return false;
  }

  codec::json::Decoder& out_;
  int depth_ = 0;
};

}  // namespace

std::vector<FieldError> decode_json(std::string_view text, const codec::Node& root, void* target) {
  codec::json::Decoder decoder(root, target);
  Events events(decoder);
  bool ok = Json::sax_parse(text.begin(), text.end(), &events, nlohmann::detail::input_format_t::json,
                            /*strict=*/true);
  return decoder.finish(!ok);
}

}  // namespace orderkit::test::oracle
