// `npm start`: runs the local platform on PORT (3000) with data under DATA_DIR (.data), prints URL and demo logins.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { LocalRuntimeError } from './errors.ts';
import { startLocal, WEB_DIST } from './server.ts';

const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.DATA_DIR ?? '.data');

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT harus bilangan 0–65535 / PORT must be an integer 0–65535 (got "${process.env.PORT}")`);
  process.exit(1);
}

try {
  const platform = await startLocal({ port, dataDir });
  const { demo } = platform;
  if (!existsSync(WEB_DIST))
    console.warn('web/dist is missing: run `npm run build:web` (npm start does this).');
  console.log(`
Seleksi berjalan / is running: ${platform.url}
  data: ${dataDir}   health: ${platform.url}/api/health

Demo logins (${platform.url}/#/admin for staff):
  admin     ${demo.admin.username} / ${demo.admin.password}
  pengawas  ${demo.proctor.username} / ${demo.proctor.password}
  auditor   ${demo.auditor.username} / ${demo.auditor.password}
Candidates (session ${demo.sessionId}), registration number / PIN:
${demo.candidates.map((c) => `  ${c.regNo} / ${c.pin}   ${c.name}`).join('\n')}
Later session ${demo.later?.sessionId ?? '-'} opens ${demo.later ? new Date(demo.later.opensAt + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '-'} WIB (login refused until then);
  its commitment before opening: ${platform.url}/api/public/sessions/${demo.later?.sessionId ?? '-'}/commitment
${(demo.later?.candidates ?? []).map((c) => `  ${c.regNo} / ${c.pin}   ${c.name}`).join('\n')}
Psych battery (session ${demo.psych?.sessionId ?? '-'}: Big Five + Kraepelin):
${(demo.psych?.candidates ?? []).map((c) => `  ${c.regNo} / ${c.pin}   ${c.name}`).join('\n')}
${demo.finished ? `Finished session ${demo.finished.sessionId} (yesterday); published rankings:\n  SKD   ${platform.url}/#/ranking/${demo.finished.rankingId}\n  final ${platform.url}/#/ranking/${demo.finished.finalRankingId}` : ''}

Ctrl-C to stop.`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: menutup / shutting down (flushing the store)…`);
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (e) {
  if (e instanceof LocalRuntimeError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
