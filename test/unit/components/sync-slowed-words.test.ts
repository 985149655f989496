import { afterEach, describe, expect, it } from 'vitest';
import { setCurrentLocale } from '../../../components/shared/i18n/locale';
import { syncProblemText } from '../../../components/shared/messages/sync-messages';

describe('the words for a relay that asked to slow down', () => {
  afterEach(() => setCurrentLocale('en'));
  // 14:05 on this machine's clock, whatever its time zone: the words say the time of day the next try comes.
  const retryAt = new Date(2026, 11, 6, 14, 5).getTime();

  it('say when Locket tries again, in English and in German', () => {
    setCurrentLocale('en');
    expect(syncProblemText({ type: 'slowed', retryAt }))
      .toBe('The relay asked us to slow down; Locket will try again at 14:05. Your changes wait safely on this device.');
    setCurrentLocale('de');
    expect(syncProblemText({ type: 'slowed', retryAt }))
      .toBe('Das Relay hat uns gebeten, das Tempo zu drosseln; Locket versucht es um 14:05 Uhr erneut. Ihre Änderungen bleiben sicher auf diesem Gerät.');
  });
});
