import { z } from 'zod';

/** User options, kept in storage.sync under one key. */
export const Settings = z.object({
  language: z.enum(['auto', 'zh', 'en']).catch('auto'),
  severities: z
    .object({ error: z.boolean().catch(true), warning: z.boolean().catch(true), info: z.boolean().catch(true) })
    .catch({ error: true, warning: true, info: true }),
  /** audit recognised reports on *.gov.cn by themselves */
  autoAudit: z.boolean().catch(true),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  severities: { error: true, warning: true, info: true },
  autoAudit: true,
};

export const SETTINGS_KEY = 'settings';

/** Whatever is stored (nothing, an old shape, garbage) becomes valid settings. */
export function parseSettings(raw: unknown): Settings {
  const r = Settings.safeParse(raw ?? {});
  return r.success ? r.data : DEFAULT_SETTINGS;
}
