// The Node entry (Node >= 18): reads the .wasm next to this file and hands it to the module (the
// module is built for web and worker only; its Node code path does not work as an ES module).
import { webcrypto } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import createOrderKitModule from './orderkit-core.mjs';
import { createEntry, moduleOptions } from './sdk.mjs';

export { ApiError, DecodeError, IntegrityError, OrderKitError, TransportError, ValidationError } from './errors.mjs';

// The module draws request ids and idempotency keys from the Web Crypto API's global `crypto`,
// which Node 18 does not define (Node 20 does).
if (typeof globalThis.crypto?.getRandomValues !== 'function') {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true, writable: true });
}

const OrderKit = createEntry(async ({ wasm, ...options } = {}) =>
  createOrderKitModule(moduleOptions({ wasm: wasm ?? await readFile(new URL('./orderkit-core.wasm', import.meta.url)), ...options })));
export default OrderKit;
