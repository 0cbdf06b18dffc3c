// The browser (and worker) entry: the module fetches orderkit-core.wasm next to this file, with
// streaming compilation.
import createOrderKitModule from './orderkit-core.mjs';
import { createEntry } from './sdk.mjs';

export { ApiError, DecodeError, OrderKitError, TransportError, ValidationError } from './errors.mjs';

const OrderKit = createEntry((options) => createOrderKitModule({ ...options }));
export default OrderKit;
