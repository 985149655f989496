/**
 * The relay under load as devices meet it: relay processes (`npm run relay` as children, on
 * 127.0.0.1), teams × devices, each device with its poke socket open and pushing a fixed count
 * of sets of 1–5 sealed items one push at a time, every device of every team at once. Measured:
 * push-acknowledge latency (median, p95), sets stored per second over the push phase, pull
 * throughput (every device then pulls its team's whole log at once), and the relay processes'
 * peak resident memory. Checked: every push stored, and every device of a team pulls the same log.
 * Every loop is bounded, and the whole load stops with an error past `capMs`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../core/sync/protocol';
import { connectDevice, openPokeSocket, type RelayClient } from '../relay/support/relay-client';
import { spawnRelay, type RelayProcess } from '../relay/support/relay-process';
import { createTestDevice, newTeamId, newTeamKey, type TestDevice } from '../relay/support/test-device';
import { median, percentile } from './stats';

export interface LoadShape {
  readonly teams: number;
  readonly devices: number;
  /** Pushes per device, one set each. */
  readonly pushes: number;
  /** The whole push and pull phases must end within this, or the run fails. */
  readonly capMs: number;
}

export interface LoadFigures {
  readonly pushP50Ms: number;
  readonly pushP95Ms: number;
  readonly setsPerSecond: number;
  readonly pullSetsPerSecond: number;
  /** Peak resident memory, summed over the relay processes (VmHWM), in MB. */
  readonly rssMb: number;
  /** CPU time the relay processes spent (user + system, summed) per set stored, over the push phase: less sensitive to load elsewhere than the rates. */
  readonly relayCpuMsPerSet: number;
  /** The same for the PostgreSQL server (postmaster and every backend); 0 on SQLite, whose work is in the relay's. */
  readonly databaseCpuMsPerSet: number;
  /** The same for the load generator (this process), so a saturated generator shows. */
  readonly clientCpuMsPerSet: number;
  /** The machine's 1-minute load average at the end of the push phase. */
  readonly loadAverage: number;
}

/** How a deployment is started: `processes` relays on one database (`env` names it), or one on a SQLite file. */
export interface Deployment {
  readonly processes: number;
  readonly env: Readonly<Record<string, string>>;
  readonly dataFile: string;
  /** The PostgreSQL server's data folder, to find its processes and measure their CPU; none on SQLite. */
  readonly databaseDir?: string;
}

interface LoadDevice {
  readonly device: TestDevice;
  readonly sets: readonly Envelope[];
  client?: RelayClient;
}

/** 1–5 items, spread evenly and the same on every run. */
const itemsFor = (team: number, device: number, push: number): number => 1 + ((team * 31 + device * 7 + push) % 5);

/** Sealed and signed before any timing starts. */
const makeTeams = async (shape: LoadShape): Promise<LoadDevice[][]> => {
  const teams: LoadDevice[][] = [];
  for (let t = 0; t < shape.teams; t += 1) {
    const team = newTeamId();
    const teamKey = newTeamKey();
    const devices: LoadDevice[] = [];
    for (let d = 0; d < shape.devices; d += 1) {
      const device = await createTestDevice(team, teamKey);
      const sets: Envelope[] = [];
      for (let p = 0; p < shape.pushes; p += 1) {
        sets.push(await device.nextSet(Array.from({ length: itemsFor(t, d, p) }, (_, i) => `team ${t} device ${d} push ${p} item ${i} ${'lorem ipsum '.repeat(20)}`)));
      }
      devices.push({ device, sets });
    }
    teams.push(devices);
  }
  return teams;
};

/** Peak resident set of a process, from Linux's /proc; 0 where there is none. */
const peakRssMb = (pid: number | undefined): number => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    return line ? Number(/(\d+)/.exec(line)?.[1] ?? 0) / 1024 : 0;
  } catch {
    return 0;
  }
};

/** User + system CPU time of a process so far, in ms, from Linux's /proc; 0 where there is none. */
const cpuMsOf = (pid: number | undefined): number => {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
};
/**
 * CPU time of a PostgreSQL server so far, in ms: its postmaster (with the backends it has reaped)
 * and every live child, found through /proc by parent pid. 0 without a data folder.
 */
const serverCpuMsOf = (dataDir: string | undefined): number => {
  if (!dataDir) return 0;
  try {
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const fieldsOf = (pid: string | number): string[] => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const own = fieldsOf(postmaster);
    // utime, stime, and the waited-for children's cutime, cstime: fields 12 to 15 after the name.
    let ticks = [11, 12, 13, 14].reduce((total, field) => total + Number(own[field] ?? 0), 0);
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const fields = fieldsOf(pid);
        if (Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // The process ended meanwhile: the postmaster's children's time has it.
      }
    }
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
};

/** Linux's USER_HZ, 100 on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

const withinCap = async <T>(work: Promise<T>, deadline: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within the cap`)), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work, cap]);
  } finally {
    clearTimeout(timer);
  }
};

/** Starts the deployment's processes, runs the load through them, stops them; the figures. */
export const measureLoad = async (deployment: Deployment, shape: LoadShape, logDir: string, name: string): Promise<LoadFigures> => {
  const teams = await makeTeams(shape);
  const relays: RelayProcess[] = [];
  const sockets: Awaited<ReturnType<typeof openPokeSocket>>[] = [];
  try {
    for (let i = 0; i < deployment.processes; i += 1) {
      relays.push(await spawnRelay(deployment.dataFile, join(logDir, `${name}-${i}.log`), deployment.env, 0, 'info'));
    }
    const urls = relays.map((relay) => relay.url);
    // Devices spread over the processes in turn, as a load balancer without stickiness would.
    let next = 0;
    for (const devices of teams) {
      const owner = await connectDevice(urls[0]!, devices[0]!.device, 'register');
      for (const other of devices.slice(1)) {
        const added = await owner.addDevice(other.device);
        if (added.status !== 200) throw new Error(`Enrolling a bench device failed: ${JSON.stringify(added.body)}`);
      }
      for (const device of devices) {
        const url = urls[next++ % urls.length]!;
        device.client = await connectDevice(url, device.device, 'session');
        sockets.push(await openPokeSocket(url, device.client.token()));
      }
    }

    const deadline = Date.now() + shape.capMs;
    const latencies: number[] = [];
    const relayCpuAtStart = relays.reduce((total, relay) => total + cpuMsOf(relay.child.pid), 0);
    const databaseCpuAtStart = serverCpuMsOf(deployment.databaseDir);
    const clientCpuAtStart = process.cpuUsage();
    const pushStarted = performance.now();
    await withinCap(Promise.all(teams.flat().map(async ({ client, sets }) => {
      for (const set of sets) {
        const started = performance.now();
        const ack = await client!.push([set]);
        latencies.push(performance.now() - started);
        if (!ack.results.every((result) => 'seq' in result && !result.duplicate)) throw new Error(`A bench push was not stored: ${JSON.stringify(ack.results)}`);
      }
    })), deadline, 'The push phase');
    const pushSeconds = (performance.now() - pushStarted) / 1000;
    const relayCpuMs = relays.reduce((total, relay) => total + cpuMsOf(relay.child.pid), 0) - relayCpuAtStart;
    const databaseCpuMs = serverCpuMsOf(deployment.databaseDir) - databaseCpuAtStart;
    const clientCpu = process.cpuUsage(clientCpuAtStart);
    const loadAverage = loadavg()[0] ?? 0;

    const pullStarted = performance.now();
    const pulled = await withinCap(Promise.all(teams.map((devices) => Promise.all(devices.map(({ client }) => client!.pullAll(0))))), deadline, 'The pull phase');
    const pullSeconds = (performance.now() - pullStarted) / 1000;
    const perTeam = shape.devices * shape.pushes;
    for (const logs of pulled) {
      const first = logs[0]!.map((set) => set.setId).join();
      if (logs.some((log) => log.length !== perTeam || log.map((set) => set.setId).join() !== first)) {
        throw new Error('The devices of a team did not pull the same complete log');
      }
    }
    const totalSets = shape.teams * perTeam;
    return {
      pushP50Ms: median(latencies),
      pushP95Ms: percentile(latencies, 95),
      setsPerSecond: totalSets / pushSeconds,
      pullSetsPerSecond: (totalSets * shape.devices) / pullSeconds,
      rssMb: relays.reduce((total, relay) => total + peakRssMb(relay.child.pid), 0),
      relayCpuMsPerSet: relayCpuMs / totalSets,
      databaseCpuMsPerSet: databaseCpuMs / totalSets,
      clientCpuMsPerSet: (clientCpu.user + clientCpu.system) / 1000 / totalSets,
      loadAverage,
    };
  } finally {
    for (const { socket } of sockets) socket.terminate();
    for (const relay of relays) relay.child.kill('SIGTERM');
    await Promise.all(relays.map((relay) => relay.exited));
  }
};

export interface LoadMetric {
  readonly key: string;
  readonly label: string;
  readonly unit: 'ms' | 'sets/s' | 'MB' | 'x' | 'load';
  readonly better: 'higher' | 'lower';
}

/** The deployments measured, in order; `teams` scales the shape (half the load for the last one). */
export const LOAD_RUNS = [
  { name: 'sqlite', label: 'SQLite, 1 process', engine: 'sqlite', processes: 1, teamShare: 1 },
  { name: 'postgres1', label: 'PostgreSQL, 1 process', engine: 'postgres', processes: 1, teamShare: 1 },
  { name: 'postgres2', label: 'PostgreSQL, 2 processes', engine: 'postgres', processes: 2, teamShare: 1 },
  { name: 'postgres1half', label: 'PostgreSQL, 1 process, half the teams', engine: 'postgres', processes: 1, teamShare: 0.5 },
] as const;

export const loadMetricsFor = (run: (typeof LOAD_RUNS)[number]): LoadMetric[] => [
  { key: `load.${run.name}.pushP50Ms`, label: 'push-ack median', unit: 'ms', better: 'lower' },
  { key: `load.${run.name}.pushP95Ms`, label: 'push-ack p95', unit: 'ms', better: 'lower' },
  { key: `load.${run.name}.setsPerSecond`, label: 'sets stored', unit: 'sets/s', better: 'higher' },
  { key: `load.${run.name}.pullSetsPerSecond`, label: 'pull, every device its team\'s log', unit: 'sets/s', better: 'higher' },
  { key: `load.${run.name}.rssMb`, label: 'relay peak RSS, all processes', unit: 'MB', better: 'lower' },
  { key: `load.${run.name}.relayCpuMsPerSet`, label: 'relay CPU per set, all processes', unit: 'ms', better: 'lower' },
  { key: `load.${run.name}.databaseCpuMsPerSet`, label: 'PostgreSQL server CPU per set (0 on SQLite)', unit: 'ms', better: 'lower' },
  { key: `load.${run.name}.clientCpuMsPerSet`, label: 'load generator CPU per set', unit: 'ms', better: 'lower' },
  { key: `load.${run.name}.loadAverage`, label: 'machine load average (1 min) after pushing', unit: 'load', better: 'lower' },
];

/** The figures to watch: what a second process adds, and its latency against one process at half the load. */
export const LOAD_RATIOS: readonly LoadMetric[] = [
  { key: 'load.twoOverOne.setsPerSecond', label: '2 processes / 1 process: sets stored per second', unit: 'x', better: 'higher' },
  { key: 'load.twoOverOneHalf.pushP95Ms', label: '2 processes p95 / 1 process at half the teams p95', unit: 'x', better: 'lower' },
];

const ratioOf = (top: number | undefined, bottom: number | undefined): number | undefined =>
  (top === undefined || bottom === undefined || bottom === 0 ? undefined : top / bottom);

export const loadRatios = (figures: Readonly<Record<string, number>>): Record<string, number> => {
  const ratios: Record<string, number> = {};
  const sets = ratioOf(figures['load.postgres2.setsPerSecond'], figures['load.postgres1.setsPerSecond']);
  const p95 = ratioOf(figures['load.postgres2.pushP95Ms'], figures['load.postgres1half.pushP95Ms']);
  if (sets !== undefined) ratios['load.twoOverOne.setsPerSecond'] = sets;
  if (p95 !== undefined) ratios['load.twoOverOneHalf.pushP95Ms'] = p95;
  return ratios;
};
