// The errors the SDK throws. All are Error subclasses of OrderKitError, so one `catch` with
// `instanceof` tells them apart; each carries its evidence as plain properties.

/** Formats failures as "path: message" lines (the path is left out for the document itself). */
function describe(failures) {
  return failures.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('\n');
}

/** Base class of every error the SDK throws. */
export class OrderKitError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Text or an object that does not fit the model. `path` is the first failing field path
 * ("OrderDetails[1].OrderDetail.SimTypeId"); `failures` lists every failure.
 */
export class DecodeError extends OrderKitError {
  constructor(failures, { response, requestId } = {}) {
    super(describe(failures) || 'cannot decode');
    this.failures = failures;
    this.path = failures.length ? failures[0].path : '';
    if (response !== undefined) this.response = response;
    if (requestId !== undefined) this.requestId = requestId;
  }
}

/** The input breaks the API's rules; nothing was sent. `failures`: [{path, code, message}]. */
export class ValidationError extends OrderKitError {
  constructor(failures) {
    super(describe(failures) || 'invalid input');
    this.failures = failures;
  }
}

/**
 * The server answered with a status outside 2xx. `message` is the server's Message when it sent
 * one; `modelState` maps field paths to messages (ASP.NET's ModelState); `body` is the raw body.
 */
export class ApiError extends OrderKitError {
  constructor({ status, reason = '', message, serverMessage = '', modelState = {}, requestId = '', body = '',
                headers = {}, attempts = 1 }) {
    super(message || `${status} ${reason}`.trim());
    this.status = status;
    this.reason = reason;
    this.serverMessage = serverMessage;
    this.modelState = modelState;
    this.requestId = requestId;
    this.body = body;
    this.headers = headers;
    this.attempts = attempts;
  }
}

/**
 * No usable response: the network failed, the call timed out (`code` 'timeout') or was aborted
 * (`code` 'aborted'; `cause` is the signal's reason).
 */
export class TransportError extends OrderKitError {
  constructor(message, { code = 'transport_failed', requestId = '', attempts = 0, cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.requestId = requestId;
    this.attempts = attempts;
  }
}

/**
 * A file of the package is not the one it was built with: its Subresource Integrity hash
 * (`actual`) differs from the one the package ships (`expected`). Nothing of it was run.
 */
export class IntegrityError extends OrderKitError {
  constructor(url, expected, actual) {
    super(`${url} failed its integrity check (expected ${expected}, got ${actual}): the file was changed after the package was built`);
    this.url = url;
    this.expected = expected;
    this.actual = actual;
  }
}
