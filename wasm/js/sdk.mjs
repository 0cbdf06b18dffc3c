// The idiomatic JavaScript API over the embind layer: ok.<api>.models.<Model> with sample,
// toJson/fromJson, toXml/fromXml (where the API documents XML) and validate, and
// ok.<api>.client(options). Built from the module's own model table, so it lists exactly the
// models compiled in. Models are plain objects with the JSON field names.
import { DecodeError, ValidationError, ApiError, TransportError, OrderKitError, IntegrityError } from './errors.mjs';
import { attachClients } from './client.mjs';
import { unwrap } from './result.mjs';

export { DecodeError, ValidationError, ApiError, TransportError, OrderKitError, IntegrityError };

/** The API ids, in page order. */
export const APIS = Object.freeze(['broadband', 'contracts', 'mobile', 'licenses']);

/** Unwraps a binding result: its value, or its error as an Error subclass. */
export { unwrap };

function text(value, what) {
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string, got ${typeof value}`);
  return value;
}

function compactOf(options) {
  if (typeof options === 'boolean') return options; // toJson(obj, true) is accepted too
  return Boolean(options && options.compact);
}

function makeCodec(m, entry) {
  const { index } = entry;
  const codec = {
    api: entry.api,
    name: entry.collection ? `${entry.name}[]` : entry.name,
    /** The sample the help page documents ('request' or 'response' side). */
    sample: (role = 'request') => unwrap(m.modelSample(index, String(role))),
    /** Writes JSON exactly as the API's server does (indented unless { compact: true }). */
    toJson: (obj, options) => unwrap(m.modelEncode(index, obj, 'json', compactOf(options))),
    /** Reads JSON; a DecodeError names the failing path. */
    fromJson: (json) => unwrap(m.modelDecode(index, text(json, 'fromJson(text)'), 'json')),
    /** Every failure of the object: type misfits and the page's rules, each with its path. */
    validate: (obj) => unwrap(m.modelValidate(index, obj)),
  };
  if (entry.xml) {
    codec.toXml = (obj, options) => unwrap(m.modelEncode(index, obj, 'xml', compactOf(options)));
    codec.fromXml = (xml) => unwrap(m.modelDecode(index, text(xml, 'fromXml(text)'), 'xml'));
  }
  return Object.freeze(codec);
}

/** Builds the `ok` object from an instantiated module. */
export function buildOrderKit(m) {
  const ok = { module: m };
  for (const id of APIS) ok[id] = { id, models: {} };
  for (const entry of m.models()) {
    const codec = makeCodec(m, entry);
    ok[entry.api].models[codec.name] = codec;
  }
  for (const id of APIS) Object.freeze(ok[id].models);
  attachClients(ok, m);
  for (const id of APIS) Object.freeze(ok[id]);
  return Object.freeze(ok);
}

/**
 * The Emscripten module options for init({ wasm, ... }): `wasm` may be the .wasm's URL (a string
 * or URL), its bytes (ArrayBuffer or a typed array) or a compiled WebAssembly.Module; anything
 * else in the options goes to the module unchanged (e.g. instantiateWasm).
 */
export function moduleOptions({ wasm, ...rest } = {}) {
  if (wasm === undefined || wasm === null) return rest;
  if (typeof wasm === 'string' || wasm instanceof URL) {
    const href = String(wasm);
    return { ...rest, locateFile: (file, dir) => (file.endsWith('.wasm') ? href : dir + file) };
  }
  if (wasm instanceof ArrayBuffer || ArrayBuffer.isView(wasm)) return { ...rest, wasmBinary: wasm };
  if (wasm instanceof WebAssembly.Module) {
    return {
      ...rest,
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm));
        return {};
      },
    };
  }
  throw new TypeError('init({ wasm }) takes a URL, the bytes (ArrayBuffer or typed array) or a WebAssembly.Module');
}

/**
 * The package's default export for one environment: `init()` instantiates the module once and
 * caches the Promise (a failed start-up is not cached, so it can be retried).
 */
export function createEntry(instantiate) {
  let ready = null;
  return Object.freeze({
    init(options = {}) {
      if (!ready) {
        ready = instantiate(options).then(buildOrderKit);
        ready.catch(() => { ready = null; });
      }
      return ready;
    },
    ApiError, DecodeError, TransportError, ValidationError, OrderKitError, IntegrityError,
  });
}
