/**
 * A relay updated under a team whose log already required two-factor keeps requiring it: the
 * migration step that adds two-factor reads the flag from each team's latest require-two-factor entry.
 */
import { afterAll, expect, it } from 'vitest';
import { createManualClock } from '../../core/clock';
import { MIGRATIONS, toDialect } from '../../relay/store/migrations';
import { createRelayStore } from '../../relay/store/store';
import { drivers } from './drivers';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, releaseDriverResources } from './postgres-drivers';

afterAll(releaseDriverResources);

/** The schema before two-factor: the steps up to the team log. */
const STEPS_BEFORE = 4;

for (const factory of drivers.filter((candidate) => candidate.name !== 'postgres')) describeDriver(factory, ({ open }) => {
  it('carries require-two-factor over from logs appended before the step, by each team\'s latest entry', async () => {
    const driver = await open();
    await driver.exec(toDialect(`CREATE TABLE relay_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`, driver.dialect));
    for (const step of MIGRATIONS.slice(0, STEPS_BEFORE)) for (const statement of step) await driver.run(toDialect(statement, driver.dialect));
    await driver.run(`INSERT INTO relay_meta (key, value) VALUES ('schema_version', ?)`, [String(STEPS_BEFORE)]);
    const entry = (required: boolean) => JSON.stringify({ body: { type: 'require-two-factor', required } });
    for (const [team, flags] of [['on', [true]], ['off-again', [true, false]], ['never', []]] as const) {
      await driver.run(`INSERT INTO teams (id, created_at) VALUES (?, 0)`, [team]);
      for (const [index, required] of flags.entries()) {
        await driver.run(
          `INSERT INTO team_log (team_id, seq, hash, type, signer, entry, at) VALUES (?, ?, ?, 'require-two-factor', 's', ?, 0)`,
          [team, index + 2, `${team}-${index}`, entry(required)],
        );
      }
    }
    const store = createRelayStore(driver, { clock: createManualClock(0) });
    expect(await store.migrate()).toEqual({ from: STEPS_BEFORE, to: MIGRATIONS.length });
    expect([await store.teamRequiresTwoFactor('on'), await store.teamRequiresTwoFactor('off-again'), await store.teamRequiresTwoFactor('never')])
      .toEqual([true, false, false]);
    await store.close();
  }, FIRST_OPEN_TIMEOUT_MS);
});
