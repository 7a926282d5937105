// The benchmark's server events: LevelDB LOG lines to flushes/compactions, and their listing relative to a phase.
import { describe, expect, it } from 'vitest';
import { describeEvents, levelDbEvents, watchLoopLag } from './server-events.ts';

const LOG = `2026/11/27-22:53:41.203000 7f853f7fe6c0 Delete type=3 #1
2026/11/27-22:54:38.051603 7f853dbff6c0 Level-0 table #7: started
2026/11/27-22:54:38.173281 7f853dbff6c0 Level-0 table #7: 1242508 bytes OK
2026/11/27-22:54:38.174613 7f853dbff6c0 Delete type=0 #4
2026/11/27-22:54:38.610934 7f853dbff6c0 Compacting 1@1 + 1@2 files
2026/11/27-22:54:38.921102 7f853dbff6c0 Generated table #8@1: 15457 keys, 2170372 bytes
2026/11/27-22:54:39.032250 7f853dbff6c0 Compacted 1@1 + 1@2 files => 2486853 bytes
`;
const local = (s: string) => new Date(s).getTime(); // no zone: local time, as LevelDB writes it

describe('bench server events', () => {
  it('reads a flush (started … bytes OK) and a compaction (Compacting … Compacted) with their durations', () => {
    expect(levelDbEvents(LOG)).toEqual([
      [local('2026-11-27T22:54:38.051'), 'store flush 1.2 MB', 122],
      [local('2026-11-27T22:54:38.610'), 'store compaction', 422],
    ]);
  });

  it('a flush without its end line is not reported; other lines are ignored', () => {
    expect(levelDbEvents(LOG.split('\n').slice(0, 2).join('\n'))).toEqual([]);
    expect(levelDbEvents('not a log line\n')).toEqual([]);
  });

  it('lists the events inside the phase, in order, as seconds from its start', () => {
    const from = 1_000_000;
    const events: [number, string, number][] = [
      [from + 16_400, 'store compaction', 420.4],
      [from - 5, 'gc minor', 12],
      [from + 2_350, 'gc major', 31.6],
      [from + 40_000, 'store flush 1.1 MB', 120],
    ];
    expect(describeEvents(events, from, from + 30_000)).toBe(
      '2.4: gc major 32 ms; 16.4: store compaction 420 ms',
    );
    expect(describeEvents([], from, from + 1)).toBe('');
  });

  it('records an event loop that came back late (a thread busy for 250 ms), not one that ran on time', async () => {
    // On time: a loop 1 s late within 60 ms would need the whole process stopped (no flake under CI load).
    const onTime = watchLoopLag(1_000);
    await new Promise((r) => setTimeout(r, 60));
    expect(onTime()).toEqual([]);
    const late = watchLoopLag(100);
    const t0 = Date.now();
    while (Date.now() - t0 < 250) {
      // busy: the 20 ms timer cannot run
    }
    await new Promise((r) => setTimeout(r, 60));
    // The busy stretch is one event of at least 200 ms starting at it (a loaded machine may add others).
    const busy = late().filter(([at, , ms]) => ms >= 200 && at >= t0 - 25 && at <= t0 + 25);
    expect(busy).toHaveLength(1);
    expect(busy[0]?.[1]).toBe('loop late');
  });
});
