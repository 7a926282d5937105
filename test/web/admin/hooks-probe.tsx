// A page for test/web/admin/useStaff.test.ts: useStaffQuery and useDialogAction rendered in real React in
// Chromium, with requests the test answers one by one through window.probe.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useDialogAction } from '../../../web/admin/useDialogAction.ts';
import { useStaffQuery } from '../../../web/admin/useStaff.ts';
import { settle, tick } from '../probe-settle.ts';

interface Pending {
  token: string;
  input: number;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}
class Coded extends Error {
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}
const requests: Pending[] = [];
const log: string[] = [];
const onAuthError = (err: unknown) => {
  if (err instanceof Coded && err.code === 'UNAUTHENTICATED') {
    log.push('auth');
    return true;
  }
  return false;
};
const request = (token: string, input: number) =>
  new Promise<unknown>((resolve, reject) => {
    tick();
    requests.push({ token, input, resolve, reject });
  });
const shown = (e: unknown) => (e instanceof Error ? e.message : e === null ? null : String(e));

const controls: Record<string, (...args: never[]) => unknown> = {};
const probe = {
  requests: () => requests.map((r) => ({ token: r.token, input: r.input })),
  /** Answers request i; returns once React has rendered what follows (and made any request it leads to). */
  resolve: (i: number, v: unknown) => {
    requests[i]?.resolve(v);
    return settle();
  },
  reject: (i: number, code: string) => {
    requests[i]?.reject(new Coded(code));
    return settle();
  },
  log: () => [...log],
  settle,
  /** Calls a hook's function and waits for React to settle (a run's promise itself waits for its answer). */
  call: (name: string, ...args: unknown[]) => {
    void (controls[name] as (...a: unknown[]) => unknown)(...args);
    return settle();
  },
};
Object.assign(window, { probe });

function Query() {
  const [token, setToken] = useState('tok-1');
  const [input, setInput] = useState(0);
  const [skip, setSkip] = useState(false);
  const [clear, setClear] = useState(false);
  const q = useStaffQuery(token, onAuthError, (t) => (skip ? null : request(t, input)), [input, skip], {
    clear,
  });
  tick();
  Object.assign(controls, {
    setToken,
    setInput,
    setSkip,
    setClear,
    reload: q.reload,
    fail: (code: string) => q.fail(new Coded(code)),
  });
  return (
    <output id="query">{JSON.stringify({ data: q.data, error: shown(q.error), loading: q.loading })}</output>
  );
}

function Action() {
  const a = useDialogAction<string>(onAuthError);
  tick();
  Object.assign(controls, {
    open: a.open,
    close: a.close,
    run: (said: string | undefined) =>
      a.run(
        (target) => request(target, 0).then(() => said),
        () => log.push('after'),
      ),
  });
  return (
    <output id="action">
      {JSON.stringify({ target: a.target, busy: a.busy, error: shown(a.error), notice: a.notice })}
    </output>
  );
}

const container = document.getElementById('root') as HTMLElement;
let root = createRoot(container);
const mount = () =>
  root.render(
    <>
      <Query />
      <Action />
    </>,
  );
mount();
/** A fresh mount with no requests or log: each test starts here. */
Object.assign(probe, {
  reset: () => {
    root.unmount();
    requests.length = 0;
    log.length = 0;
    root = createRoot(container);
    mount();
  },
});
