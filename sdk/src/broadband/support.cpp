// Validation and documented samples for every broadband model.
#include "codec/instantiate.hpp"
#include "orderkit/broadband/models.hpp"

#define ORDERKIT_ITEM(Model) ORDERKIT_INSTANTIATE_SUPPORT(orderkit::broadband::Model)
ORDERKIT_BROADBAND_MODELS(ORDERKIT_ITEM)
