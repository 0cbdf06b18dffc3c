// The API clients: filled in once the sans-IO operations are bound.
export function attachClients() {}
