import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from './bridge/create-bridge.js';
import { crossableBridge } from './bridge/crossable-bridge.js';

/**
 * The preload runs sandboxed with context isolation: it exposes `window.bulwark` (the typed
 * bridge) and nothing else. The IPC event is dropped before a payload reaches the page.
 */
const bridge = createBridge({
  invoke: (channel, ...args: unknown[]) => ipcRenderer.invoke(channel, ...args),
  on(channel, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
});

// contextBridge keeps only the message of an Error: failures cross as plain data (code, findings).
contextBridge.exposeInMainWorld('bulwark', crossableBridge(bridge));
