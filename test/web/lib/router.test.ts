// Hash routes of the staff console: each path the console links to parses back to its route (ids encoded).
import { describe, expect, it } from 'vitest';
import { parseHash, paths } from '../../../web/lib/router.ts';

describe('staff console routes', () => {
  it.each([
    [paths.adminSessions, { name: 'adminSessions' }],
    [paths.adminRegistry, { name: 'adminRegistry' }],
    [paths.adminStaff, { name: 'adminStaff' }],
    [paths.adminAudit, { name: 'adminAudit' }],
    [paths.adminAttempts('S 1'), { name: 'adminAttempts', sessionId: 'S 1' }],
    [paths.adminPins('S-1'), { name: 'adminPins', sessionId: 'S-1' }],
    [paths.adminRoster('S-1'), { name: 'adminRoster', sessionId: 'S-1' }],
    [paths.adminResults('S/1'), { name: 'adminResults', sessionId: 'S/1' }],
    [paths.adminItemStats('S-1'), { name: 'adminItemStats', sessionId: 'S-1' }],
    [paths.adminFormationResults('F-1'), { name: 'adminFormationResults', formationId: 'F-1' }],
  ])('%s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it.each([
    '#/admin/sessions/S-1/nope',
    '#/admin/sessions/S-1/roster/x',
    '#/admin/staff/x',
    '#/admin/formations/F-1',
  ])('%s is not found', (hash) => {
    expect(parseHash(hash)).toEqual({ name: 'notFound' });
  });
});
