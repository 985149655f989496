import { browser } from 'wxt/browser';
import { idleExpired } from '../../core/security/auto-lock';
import { lockSession, onSessionChange, readLastActivity, readLockPolicy, readSessionKeys } from './session';

const ALARM = 'locket:auto-lock';
/** Chromium's shortest alarm period: a one-minute idle limit is kept to within 30 s. */
const CHECK_EVERY_MINUTES = 0.5;

const lockIfIdle = async (): Promise<void> => {
  const [keys, policy, lastActivity] = await Promise.all([readSessionKeys(), readLockPolicy(), readLastActivity()]);
  if (!keys) {
    await browser.alarms.clear(ALARM);
    return;
  }
  if (lastActivity === null || idleExpired(policy, lastActivity, Date.now())) await lockSession();
};

/** Runs in the background: checks idleness on an alarm while unlocked, and stops checking once locked. */
export const startAutoLock = (): void => {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void lockIfIdle();
  });
  const follow = async () => {
    if (await readSessionKeys()) await browser.alarms.create(ALARM, { periodInMinutes: CHECK_EVERY_MINUTES });
    else await browser.alarms.clear(ALARM);
  };
  onSessionChange(() => void follow());
  void follow();
};
