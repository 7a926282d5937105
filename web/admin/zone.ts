// Session times in the site's zone (WIB/WITA/WIT, fixed offsets): <input type="datetime-local"> value <-> epoch ms.
import { TIME_ZONES, type TimeZoneCode } from '../../functions/domain/schedule.ts';

export const ZONES = Object.keys(TIME_ZONES) as TimeZoneCode[];

/** `YYYY-MM-DDTHH:mm` wall clock of `at` in the zone (the value a datetime-local input takes). */
export const toZoneInput = (at: number, zone: TimeZoneCode): string =>
  new Date(at + TIME_ZONES[zone].offsetMinutes * 60_000).toISOString().slice(0, 16);

/** The instant a wall-clock `YYYY-MM-DDTHH:mm` in the zone stands for; NaN when the text is not such a value. */
export const fromZoneInput = (value: string, zone: TimeZoneCode): number => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return Number.NaN;
  return Date.parse(`${value}:00Z`) - TIME_ZONES[zone].offsetMinutes * 60_000;
};
