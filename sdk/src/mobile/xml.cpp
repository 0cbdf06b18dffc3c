// XML codecs for every mobile model.
#include "codec/instantiate.hpp"
#include "orderkit/mobile/models.hpp"

#define ORDERKIT_ITEM(Model) ORDERKIT_INSTANTIATE_XML(orderkit::mobile::Model)
ORDERKIT_MOBILE_BODY_MODELS(ORDERKIT_ITEM)
