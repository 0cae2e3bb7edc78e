/** The parts of `Session` used to refuse permissions (Electron's Session passes). */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

/**
 * Bulwark needs no browser permission (no camera, location, notifications, HID, serial...), so every
 * request and every check is refused (Electron security checklist §5). Clipboard writes by
 * copy/paste in text fields do not go through these handlers.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
