// esbuild does not follow new URL(..., import.meta.url); its file loader (--loader:.wasm=file)
// copies the .wasm into the build and gives its URL, which init() takes.
import wasm from 'orderkit/orderkit-core.wasm';
import { placeOrder } from './order.mjs';

placeOrder({ wasm });
