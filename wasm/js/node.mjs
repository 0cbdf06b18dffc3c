// The Node entry: reads the .wasm next to this file and hands it to the module (the module is
// built for web and worker only; its Node code path does not work as an ES module).
import { readFile } from 'node:fs/promises';
import createOrderKitModule from './orderkit-core.mjs';
import { createEntry } from './sdk.mjs';

export { ApiError, DecodeError, OrderKitError, TransportError, ValidationError } from './errors.mjs';

const OrderKit = createEntry(async (options) =>
  createOrderKitModule({ wasmBinary: await readFile(new URL('./orderkit-core.wasm', import.meta.url)), ...options }));
export default OrderKit;
