// The browser (and worker) entry. The .wasm is found next to this file with
// `new URL('orderkit-core.wasm', import.meta.url)`, which bundlers (Vite, webpack 5) follow; a page
// may pass its own: init({ wasm: url | bytes | WebAssembly.Module }). The browser checks it
// against its Subresource Integrity hash (built into the package) as it downloads, so a changed
// byte stops start-up with an IntegrityError, and it is compiled from the response as a stream; the
// page checks the .mjs files themselves with integrity attributes (integrity.json).
import createOrderKitModule from './orderkit-core.mjs';
import wasmIntegrity from './orderkit-core.wasm.integrity.mjs';
import { IntegrityError, OrderKitError } from './errors.mjs';
import { createEntry, moduleOptions } from './sdk.mjs';

export { ApiError, DecodeError, IntegrityError, OrderKitError, TransportError, ValidationError } from './errors.mjs';

const base64 = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)));

/** Fetches, checks and instantiates the .wasm: { instance, module }. */
async function loadWasm(url, integrity, imports) {
  // The browser checks the hash itself (fetch's `integrity`) and hands the checked bytes to the
  // streaming compiler as they are. Hashing a clone of the stream in JavaScript instead cost
  // 15-20 ms of start-up in Chromium: a tee'd body is no longer streamed to the compiler natively.
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...(integrity ? { integrity } : {}) });
  } catch (error) {
    throw integrity ? await whyNotLoaded(url, integrity, error) : new OrderKitError(`could not load ${url}: ${error.message}`);
  }
  if (!response.ok) throw new OrderKitError(`could not load ${url}: ${response.status} ${response.statusText}`.trim());
  // Streaming compilation needs the server's application/wasm type; without it, compile the bytes.
  const streaming = typeof WebAssembly.instantiateStreaming === 'function' &&
    (response.headers.get('content-type') ?? '').startsWith('application/wasm');
  return streaming ? WebAssembly.instantiateStreaming(response, imports)
    : response.arrayBuffer().then((bytes) => WebAssembly.instantiate(bytes, imports));
}

/**
 * A fetch with `integrity` fails as a bare network error whatever the cause. Fetched again without
 * it, the file tells which: missing (its status), changed (its hash, where Web Crypto is there to
 * compute it) or unreachable. Only a failure pays for this second fetch.
 */
async function whyNotLoaded(url, integrity, error) {
  let again;
  try {
    again = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return new OrderKitError(`could not load ${url}: ${error.message}`);
  }
  if (!again.ok) return new OrderKitError(`could not load ${url}: ${again.status} ${again.statusText}`.trim());
  const subtle = globalThis.crypto?.subtle;
  const actual = subtle ? `sha384-${base64(await subtle.digest('SHA-384', await again.arrayBuffer()))}` : 'another hash';
  return actual === integrity
    ? new OrderKitError(`could not load ${url}: ${error.message} (it loads and matches its hash when fetched again)`)
    : new IntegrityError(url, integrity, actual);
}

const OrderKit = createEntry(({ integrity = wasmIntegrity, ...options } = {}) => {
  const { wasm, ...rest } = options;
  if (wasm !== undefined && wasm !== null && typeof wasm !== 'string' && !(wasm instanceof URL)) {
    return createOrderKitModule(moduleOptions(options)); // bytes or a compiled module: nothing to fetch
  }
  const url = String(wasm ?? new URL('./orderkit-core.wasm', import.meta.url));
  return new Promise((resolve, reject) => {
    createOrderKitModule({
      ...rest,
      instantiateWasm(imports, receive) {
        loadWasm(url, integrity, imports).then(({ instance, module }) => receive(instance, module), reject);
        return {};
      },
    }).then(resolve, reject);
  });
});
export default OrderKit;
