// Indonesian time-zone label of a moment on this device: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9), else UTC±h.

export function zoneLabel(offsetMinutes: number): string {
  if (offsetMinutes === 420) return 'WIB';
  if (offsetMinutes === 480) return 'WITA';
  if (offsetMinutes === 540) return 'WIT';
  const sign = offsetMinutes < 0 ? '−' : '+';
  const abs = Math.abs(offsetMinutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** The device's zone label at that moment (Date#getTimezoneOffset is minutes *behind* UTC). */
export const zoneOf = (ms: number) => zoneLabel(-new Date(ms).getTimezoneOffset());
