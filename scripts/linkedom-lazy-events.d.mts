// Types of scripts/linkedom-lazy-events.mjs (plain JavaScript, so that cli/bundle.mjs can load it without a loader).
export const EVENT_TARGET_FILE: RegExp;
export function lazyEventTargets(code: string): string | null;
export const esbuildLazyEvents: { name: string; setup(build: unknown): void };
export function viteLazyEvents(): { name: string; transform(code: string, id: string): { code: string; map: null } | null };
