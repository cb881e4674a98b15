import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, parseSettings, type Settings } from './settings';

/** Options in storage.sync (they follow the user's browser profile). */
export async function loadSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.sync.get(SETTINGS_KEY);
    return parseSettings(got[SETTINGS_KEY]);
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export async function saveSettings(s: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: parseSettings(s) });
}

export function onSettingsChanged(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && changes[SETTINGS_KEY]) cb(parseSettings(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
