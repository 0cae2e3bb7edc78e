import { describe, expect, it } from 'vitest';
import { denyAllPermissions, type PermissionSession } from './permissions.js';

describe('denyAllPermissions', () => {
  it('refuses every permission request, check and device request', () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | undefined;
    let device: Parameters<PermissionSession['setDevicePermissionHandler']>[0] | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      setDevicePermissionHandler: (h) => (device = h),
    });
    for (const permission of ['geolocation', 'media', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown']) {
      const answers: boolean[] = [];
      request!({}, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
      expect(check!({}, permission)).toBe(false);
    }
    expect(device!({ deviceType: 'hid', origin: 'file://' })).toBe(false);
  });
});
