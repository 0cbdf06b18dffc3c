// XML codecs for every licenses model.
#include "codec/instantiate.hpp"
#include "orderkit/licenses/models.hpp"

#define ORDERKIT_ITEM(Model) ORDERKIT_INSTANTIATE_XML(orderkit::licenses::Model)
ORDERKIT_LICENSES_BODY_MODELS(ORDERKIT_ITEM)
