// Validation and documented samples for every licenses model.
#include "codec/instantiate.hpp"
#include "orderkit/licenses/models.hpp"

#define ORDERKIT_ITEM(Model) ORDERKIT_INSTANTIATE_SUPPORT(orderkit::licenses::Model)
ORDERKIT_LICENSES_MODELS(ORDERKIT_ITEM)
