// Vite and webpack find orderkit-core.wasm themselves (new URL(..., import.meta.url)).
import { placeOrder } from './order.mjs';

placeOrder();
