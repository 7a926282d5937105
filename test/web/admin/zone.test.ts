// Session times typed and shown in the site's zone: datetime-local values <-> instants for WIB, WITA and WIT.
import { describe, expect, it } from 'vitest';
import { fromZoneInput, toZoneInput } from '../../../web/admin/zone.ts';

describe('zone inputs', () => {
  it.each([
    ['WIB', '2026-11-28T08:00', Date.UTC(2026, 10, 28, 1, 0)],
    ['WITA', '2026-11-28T08:00', Date.UTC(2026, 10, 28, 0, 0)],
    ['WIT', '2026-11-28T08:00', Date.UTC(2026, 10, 27, 23, 0)],
    ['WIT', '2026-01-01T00:30', Date.UTC(2025, 11, 31, 15, 30)],
  ] as const)('%s %s is %d ms and back', (zone, wall, at) => {
    expect(fromZoneInput(wall, zone)).toBe(at);
    expect(toZoneInput(at, zone)).toBe(wall);
  });

  it.each(['', '2026-11-28', '2026-11-28 08:00', '28/11/2026T08:00'])('refuses %j', (bad) => {
    expect(fromZoneInput(bad, 'WIB')).toBeNaN();
  });
});
