/**
 * @medplum/core reads `WebSocket.CLOSING` when it loads. Node 20 has a global WebSocket only with
 * `--experimental-websocket`; without the flag this inert stand-in lets the server (which never opens a
 * WebSocket) load anyway, e.g. inside `node --test`. Import this module before any @medplum module.
 */
if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'undefined') {
  class WebSocketUnavailable {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    constructor() {
      throw new Error('WebSocket is not available: run Node 20 with --experimental-websocket');
    }
  }
  Object.defineProperty(globalThis, 'WebSocket', { value: WebSocketUnavailable, configurable: true, writable: true });
}
export {};
