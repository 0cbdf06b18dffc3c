// JSON codecs for every broadband model.
#include "codec/instantiate.hpp"
#include "orderkit/broadband/models.hpp"

#define ORDERKIT_ITEM(Model) ORDERKIT_INSTANTIATE_JSON(orderkit::broadband::Model)
ORDERKIT_BROADBAND_BODY_MODELS(ORDERKIT_ITEM)
