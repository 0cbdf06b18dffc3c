// Validation and documented samples for every mobile model.
#include "codec/instantiate.hpp"
#include "orderkit/mobile/models.hpp"

#define ORDERKIT_ITEM(Model) ORDERKIT_INSTANTIATE_SUPPORT(orderkit::mobile::Model)
ORDERKIT_MOBILE_MODELS(ORDERKIT_ITEM)
