// Scheduling API contract: sessions (schedule, edit, cancel), rosters, proctor assignment, PIN release.
import { z } from 'zod';
import { id, regNo } from './common.ts';

const time = z.number().int().min(0).max(8_640_000_000_000);
export const timeZoneCode = z.enum(['WIB', 'WITA', 'WIT']);

export const scheduleBody = z.object({
  id: id.optional(),
  examId: id,
  title: z.string().trim().min(1).max(120),
  site: z.string().trim().min(1).max(120),
  room: z.string().trim().min(1).max(60),
  timeZone: timeZoneCode,
  opensAt: time,
  closesAt: time,
  capacity: z.number().int().min(1).max(5000),
});
export type ScheduleBody = z.infer<typeof scheduleBody>;

export const sessionEditBody = scheduleBody
  .pick({
    title: true,
    site: true,
    room: true,
    timeZone: true,
    opensAt: true,
    closesAt: true,
    capacity: true,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type SessionEditBody = z.infer<typeof sessionEditBody>;

export const reasonBody = z.object({ reason: z.string().trim().min(3).max(500) });
export const assignBody = z.object({ regNos: z.array(regNo).min(1).max(5000) });
export const autoAssignBody = z.object({ sessionIds: z.array(id).min(1).max(200) });
export const proctorsBody = z.object({ proctorIds: z.array(id).max(50) });

/** A PIN in clear, returned once when generated (release, regenerate) for printing cards. */
export const issuedPin = z.object({ regNo, name: z.string(), room: z.string(), pin: z.string() });
export type IssuedPin = z.infer<typeof issuedPin>;
