// The browser (and worker) entry. The .wasm is found next to this file with
// `new URL('orderkit-core.wasm', import.meta.url)`, which bundlers (Vite, webpack 5) follow; a page
// may pass its own: init({ wasm: url | bytes | WebAssembly.Module }). It is compiled while it
// streams in, and checked against its Subresource Integrity hash (built into the package), so a
// changed byte stops start-up with an IntegrityError; the page checks the .mjs files themselves
// with integrity attributes (integrity.json).
import createOrderKitModule from './orderkit-core.mjs';
import wasmIntegrity from './orderkit-core.wasm.integrity.mjs';
import { IntegrityError, OrderKitError } from './errors.mjs';
import { createEntry, moduleOptions } from './sdk.mjs';

export { ApiError, DecodeError, IntegrityError, OrderKitError, TransportError, ValidationError } from './errors.mjs';

const base64 = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)));

/** Fetches, checks and instantiates the .wasm: { instance, module }. */
async function loadWasm(url, integrity, imports) {
  // Where Web Crypto is missing (a page on plain http), the browser checks the hash itself.
  const subtle = globalThis.crypto?.subtle;
  const response = await fetch(url, { credentials: 'same-origin', ...(integrity && !subtle ? { integrity } : {}) });
  if (!response.ok) throw new OrderKitError(`could not load ${url}: ${response.status} ${response.statusText}`.trim());
  const checked = integrity && subtle
    ? response.clone().arrayBuffer().then((bytes) => subtle.digest('SHA-384', bytes)).then((digest) => {
      const actual = `sha384-${base64(digest)}`;
      if (actual !== integrity) throw new IntegrityError(url, integrity, actual);
    })
    : Promise.resolve();
  // Streaming compilation needs the server's application/wasm type; without it, compile the bytes.
  const streaming = typeof WebAssembly.instantiateStreaming === 'function' &&
    (response.headers.get('content-type') ?? '').startsWith('application/wasm');
  const compiled = (streaming ? WebAssembly.instantiateStreaming(response, imports)
    : response.arrayBuffer().then((bytes) => WebAssembly.instantiate(bytes, imports))).catch((e) => e);
  await checked; // a changed byte is reported as such, not as whatever the compiler made of it
  const result = await compiled;
  if (result instanceof Error) throw result;
  return result;
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
