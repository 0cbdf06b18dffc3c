// JSON codecs for every contracts model.
#include "codec/instantiate.hpp"
#include "orderkit/contracts/models.hpp"

#define ORDERKIT_ITEM(Model) ORDERKIT_INSTANTIATE_JSON(orderkit::contracts::Model)
ORDERKIT_CONTRACTS_MODELS(ORDERKIT_ITEM)
