// Starts OrderKit with the .wasm handed over as the page chooses (?via=url|bytes|module, and
// &changed=1 for a URL whose bytes differ from the package's), then encodes the sample order:
// window.__results (read by worker.test.mjs).
import OrderKit from './orderkit/browser.mjs';

const params = new URLSearchParams(location.search);
const via = params.get('via');
const url = new URL('./copy/orderkit-core.wasm', import.meta.url); // not where the package looks

async function wasmOption() {
  if (via === 'url') return params.get('changed') ? new URL('./copy/changed.wasm', import.meta.url) : url;
  const bytes = await (await fetch(url)).arrayBuffer();
  if (via === 'bytes') return new Uint8Array(bytes);
  if (via === 'module') return WebAssembly.compile(bytes);
  throw new Error(`unknown via=${via}`);
}

try {
  const ok = await OrderKit.init({ wasm: await wasmOption() });
  const R = ok.mobile.models.OrderCreationRequest;
  const json = R.toJson(R.sample(), { compact: true });
  const wasmRequests = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm'));
  window.__results = { json: json.length, roundTrip: R.toJson(R.fromJson(json), { compact: true }) === json,
                       wasmRequests: wasmRequests.map((e) => new URL(e.name).pathname) };
} catch (e) {
  window.__results = { error: `${e.name}: ${e.message}` };
}
document.getElementById('out').textContent = JSON.stringify(window.__results);
