import { describe, expect, it } from 'vitest';
import { createHarness, opaqueCodec } from '../store/harness';
import { parseSettings } from '../../../core/settings/settings';
import { settingsErrorsText } from '../../../components/shared/messages/settings-messages';

describe('settings', () => {
  it('starts from the defaults', async () => {
    const { store } = await createHarness();
    expect(await store.getSettings()).toEqual({ ownerName: '', ownerEmail: '', defaultCurrency: 'EUR' });
  });

  it('saves cleaned-up settings, keeps the owner name out of the clear, and announces them', async () => {
    const { store, db, bus } = await createHarness({}, opaqueCodec);
    const result = await store.saveSettings({ ownerName: '  Ada Lovelace ', defaultCurrency: ' gbp' });

    expect(result).toEqual({ ok: true, value: { ownerName: 'Ada Lovelace', ownerEmail: '', defaultCurrency: 'GBP' } });
    expect(await store.getSettings()).toEqual({ ownerName: 'Ada Lovelace', ownerEmail: '', defaultCurrency: 'GBP' });
    expect(JSON.stringify(await db.getAll('settings'))).not.toContain('Ada');
    expect(bus.published).toEqual([{ ids: [], kinds: [], settings: true }]);
  });

  it('refuses invalid settings field by field and keeps what was saved', async () => {
    const { store, bus } = await createHarness();
    await store.saveSettings({ ownerName: 'Ada', defaultCurrency: 'USD' });

    const result = await store.saveSettings({ ownerName: 'x'.repeat(201), defaultCurrency: 'EURO' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.error).sort()).toEqual(['defaultCurrency', 'ownerName']);
    expect((await store.saveSettings('not settings')).ok).toBe(false);
    expect(await store.getSettings()).toEqual({ ownerName: 'Ada', ownerEmail: '', defaultCurrency: 'USD' });
    expect(bus.published).toHaveLength(1);
  });

  it('refuses with a code per field, which the settings form words', () => {
    const result = parseSettings({ ownerName: 'x'.repeat(201), ownerEmail: 'ada@', defaultCurrency: 'EURO' });
    expect(result).toEqual({ ok: false, error: { ownerName: 'name-too-long', ownerEmail: 'email-invalid', defaultCurrency: 'not-a-currency' } });
    if (!result.ok) {
      expect(settingsErrorsText(result.error)).toEqual({
        ownerName: 'Use at most 200 characters.',
        ownerEmail: 'Enter a valid email address, such as you@example.com.',
        defaultCurrency: 'Use a three-letter currency code, such as EUR.',
      });
    }
    expect(parseSettings('not settings')).toEqual({ ok: false, error: { _form: 'unreadable' } });
  });

  it('merges a partial save onto what is stored, and checks the owner email', async () => {
    const { store } = await createHarness();
    await store.saveSettings({ ownerName: 'Ada', ownerEmail: 'ada@example.com', defaultCurrency: 'GBP' });
    expect(await store.saveSettings({ defaultCurrency: 'chf' })).toEqual({
      ok: true, value: { ownerName: 'Ada', ownerEmail: 'ada@example.com', defaultCurrency: 'CHF' },
    });
    const refused = await store.saveSettings({ ownerEmail: 'ada@' });
    expect(refused.ok).toBe(false);
    expect(await store.getSettings()).toEqual({ ownerName: 'Ada', ownerEmail: 'ada@example.com', defaultCurrency: 'CHF' });
  });
});
