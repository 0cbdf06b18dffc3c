// The one result shape of the embind layer (bindings/src/result.hpp): { value } or { error },
// where error is the C++ ClientError as a plain object. unwrap() is the only place that turns it
// into the SDK's Error subclasses, for the model helpers and the clients alike.
import { ApiError, DecodeError, OrderKitError, TransportError, ValidationError } from './errors.mjs';

function objectOf(list) {
  const out = {};
  for (const [k, v] of list) out[k.toLowerCase()] = v;
  return out;
}

/** The Error subclass for an { error } of the binding layer. */
export function toError(e, attempts = e.attempts) {
  switch (e.kind) {
    case 'api':
      return new ApiError({
        status: e.status, reason: e.reason, message: e.message, serverMessage: e.serverMessage,
        modelState: e.modelState, requestId: e.requestId, body: e.body, headers: objectOf(e.headers), attempts,
      });
    case 'decode': {
      // A model helper's error carries the failures only; a client's also the response.
      const failures = e.failures.length ? e.failures : [{ path: '', code: 'decode', message: e.message }];
      const err = e.status
        ? new DecodeError(failures, { requestId: e.requestId, response: { status: e.status, body: e.body } })
        : new DecodeError(failures);
      if (e.message) err.message = e.message;
      return err;
    }
    case 'transport':
      return new TransportError(e.message, { code: e.code, requestId: e.requestId, attempts });
    case 'validation': {
      if (e.code === 'internal') return new OrderKitError(e.message);
      const err = new ValidationError(e.failures);
      if (!e.failures.length) err.message = e.message;
      err.code = e.code;
      err.requestId = e.requestId;
      return err;
    }
    default:
      return new OrderKitError(e.message || `unexpected error (${e.kind})`);
  }
}

/** The value of a binding result, or throws its error as an Error subclass. */
export function unwrap(result, attempts) {
  if (result.error) throw toError(result.error, attempts);
  return result.value;
}
