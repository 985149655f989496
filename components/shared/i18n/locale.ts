import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeFromLanguages, type Locale } from '../../../core/i18n/locale';

/** The browser's languages, best first ("de-DE", "en"); none outside a browser. */
export const browserLanguages = (): readonly string[] => globalThis.navigator?.languages ?? [];

/** The page's language: the browser's until the owner's choice is read, then that choice. */
let current: Locale = localeFromLanguages(browserLanguages());
const listeners = new Set<() => void>();

export const currentLocale = (): Locale => current;

/** Switches every element on this page: each one with a LocaleController renders again. */
export const setCurrentLocale = (locale: Locale): void => {
  if (globalThis.document) document.documentElement.lang = locale;
  if (locale === current) return;
  current = locale;
  for (const listener of listeners) listener();
};

export const onLocaleChange = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
};

/**
 * The BCP 47 tag Intl formats with: the browser's own variant when it speaks the chosen
 * language ("en-US" keeps its dates), otherwise the language's usual European form.
 */
export const intlLocale = (): string => {
  const own = browserLanguages().find((tag) => tag.split('-')[0]?.toLowerCase() === current);
  return own ?? (current === 'de' ? 'de-DE' : 'en-GB');
};

/** Renders its element again whenever the page's language changes. */
export class LocaleController implements ReactiveController {
  private stop?: () => void;
  constructor(private readonly host: ReactiveControllerHost) { host.addController(this); }
  hostConnected(): void { this.stop = onLocaleChange(() => this.host.requestUpdate()); }
  hostDisconnected(): void { this.stop?.(); }
}
