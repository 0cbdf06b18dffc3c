// The package's calls, written by hand; the models' interfaces are generated from the C++ field
// lists into models.d.mts.
import type { broadband, contracts, mobile, licenses, DateTimeText } from './models.mjs';

export type { broadband, contracts, mobile, licenses, Decimal, DateTimeText, GuidText } from './models.mjs';

/** One failure at one place: the field path as ASP.NET's ModelState spells it, a stable code, a message. */
export interface Failure {
  path: string;
  code: string;
  message: string;
}

export type Role = 'request' | 'response';

/** Encoding, decoding and validation of one model (or a collection of one: 'Model[]'). */
export interface ModelCodec<T, Init> {
  readonly api: string;
  readonly name: string;
  /** The sample the help page documents. */
  sample(role?: Role): T;
  /** JSON exactly as the API's server writes it; indented unless `compact`. Throws DecodeError for an object that does not fit. */
  toJson(obj: Init, options?: { compact?: boolean }): string;
  /** Reads JSON; throws DecodeError naming the failing path. */
  fromJson(text: string): T;
  /** Every failure: type misfits and the page's rules ([] when valid). */
  validate(obj: Init): Failure[];
}
/** A model whose API documents XML too. */
export interface XmlModelCodec<T, Init> extends ModelCodec<T, Init> {
  toXml(obj: Init, options?: { compact?: boolean }): string;
  fromXml(text: string): T;
}

/** How a client retries (the native RetryPolicy's rules and defaults). */
export interface RetryOptions {
  /** Attempts in all, including the first (default 3; 1 turns retries off). */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  jitter?: number;
  retryStatuses?: number[];
  retryConnectionFailures?: boolean;
  honourRetryAfter?: boolean;
  maxRetryAfterMs?: number;
}

export interface ClientOptions {
  /** Where the API lives; the documented path is appended ("https://host/mobile" + "/api/orders"). */
  baseUrl: string;
  /** Body format and the format asked for (default 'json'). */
  format?: 'json' | 'xml';
  /** Sent with every request. */
  headers?: Record<string, string>;
  /** Time limit of one attempt in milliseconds (default 30000). */
  timeoutMs?: number;
  /** A longer answer body ends the attempt unread (TransportError 'connection_lost'; default 64 MiB). */
  maxResponseBytes?: number;
  /** Attempts in all (a number) or the full retry policy. */
  retries?: number | RetryOptions;
  /** Validate before sending (default true); a failure throws ValidationError and nothing is sent. */
  validate?: boolean;
  /** The fetch to use (default globalThis.fetch). */
  fetch?: typeof fetch;
}

export interface CallOptions {
  /** Cancels the call (and any wait between attempts); the call rejects with TransportError code 'aborted'. */
  signal?: AbortSignal;
  /** Sent as X-Request-Id (default: a fresh GUID). */
  requestId?: string;
  /** Sent as Idempotency-Key (default: a fresh GUID when retries are on). */
  idempotencyKey?: string;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

export interface MobileClient {
  /** 002 POST api/orders: one OrderDetailResult per posted item. */
  createOrders(request: mobile.OrderCreationRequestInit, options?: CallOptions): Promise<mobile.OrderDetailResult[]>;
}
export interface BroadbandClient {
  /** 000 POST api/orders: the stored order. */
  createOrder(order: broadband.OrderNewInit, options?: CallOptions): Promise<broadband.OrderNew>;
}
export interface ContractsClient {
  /** 001 POST v1/CustomerContracts/{id}/Orders: the generated order, or null when none was generated. */
  generateOrder(id: number, options?: CallOptions & { from?: DateTimeText | Date; till?: DateTimeText | Date }):
    Promise<contracts.OrderBase | null>;
}
export interface LicensesClient {
  /** 003 POST api/order/data: the server's ValidationResult. */
  submitOrder(order: licenses.OrderRequestInit, options?: CallOptions): Promise<licenses.ValidationResult>;
}

export interface OrderKitInstance {
  readonly broadband: { readonly id: 'broadband'; readonly models: broadband.Models; client(options: ClientOptions): BroadbandClient };
  readonly contracts: { readonly id: 'contracts'; readonly models: contracts.Models; client(options: ClientOptions): ContractsClient };
  readonly mobile: { readonly id: 'mobile'; readonly models: mobile.Models; client(options: ClientOptions): MobileClient };
  readonly licenses: { readonly id: 'licenses'; readonly models: licenses.Models; client(options: ClientOptions): LicensesClient };
}

export interface InitOptions {
  /**
   * The .wasm, when not next to the script: its URL (e.g. what a bundler's file loader gives for
   * 'orderkit/orderkit-core.wasm'), its bytes, or a compiled module.
   */
  wasm?: string | URL | ArrayBuffer | Uint8Array | WebAssembly.Module;
  /** Browser: the .wasm's expected Subresource Integrity hash (default: the one built into the package; false: no check). */
  integrity?: string | false;
  /** Low-level: the module's bytes (prefer `wasm`). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Low-level: where to find orderkit-core.wasm (prefer `wasm`). */
  locateFile?: (path: string, prefix: string) => string;
  /** Low-level: instantiate the .wasm yourself (Emscripten's hook). */
  instantiateWasm?: (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module?: WebAssembly.Module) => void) => object;
}

export declare class OrderKitError extends Error {}
export declare class DecodeError extends OrderKitError {
  readonly failures: Failure[];
  /** The first failing path. */
  readonly path: string;
}
export declare class ValidationError extends OrderKitError {
  readonly failures: Failure[];
}
export declare class ApiError extends OrderKitError {
  readonly status: number;
  readonly reason: string;
  /** The server's Message, when its body had one. */
  readonly serverMessage: string;
  /** ASP.NET's ModelState: field path -> messages. */
  readonly modelState: Record<string, string[]>;
  readonly requestId: string;
  /** The raw response body. */
  readonly body: string;
  readonly headers: Record<string, string>;
  readonly attempts: number;
}
export declare class TransportError extends OrderKitError {
  /** 'timeout', 'aborted', 'connect_failed', ... */
  readonly code: string;
  readonly requestId: string;
  readonly attempts: number;
}
/** A package file differs from the one the package was built with (its SRI hash); nothing of it ran. */
export declare class IntegrityError extends OrderKitError {
  readonly url: string;
  readonly expected: string;
  readonly actual: string;
}

declare const OrderKit: {
  /** Instantiates the module once; later calls return the same Promise. */
  init(options?: InitOptions): Promise<OrderKitInstance>;
  readonly ApiError: typeof ApiError;
  readonly DecodeError: typeof DecodeError;
  readonly TransportError: typeof TransportError;
  readonly ValidationError: typeof ValidationError;
  readonly OrderKitError: typeof OrderKitError;
  readonly IntegrityError: typeof IntegrityError;
};
export default OrderKit;
