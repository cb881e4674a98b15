/** @jsxImportSource preact */
import type { Settings } from '../ext/settings';
import { STRINGS, type Lang } from './i18n';
import { SEVERITIES } from './FindingsList';

export function OptionsView(props: { lang: Lang; settings: Settings; saved: boolean; onChange: (s: Settings) => void }) {
  const { lang, settings, saved, onChange } = props;
  const s = STRINGS[lang];
  return (
    <div class="options" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <h1>{s.optionsTitle}</h1>
      <fieldset>
        <legend>{s.optLanguage}</legend>
        {(['auto', 'zh', 'en'] as const).map((v) => (
          <label key={v} class="opt-row">
            <input
              type="radio"
              name="language"
              value={v}
              checked={settings.language === v}
              onChange={() => onChange({ ...settings, language: v })}
            />
            <span>{v === 'auto' ? s.optLanguageAuto : v === 'zh' ? '中文' : 'English'}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{s.optSeverities}</legend>
        {SEVERITIES.map((sev) => (
          <label key={sev} class="opt-row">
            <input
              type="checkbox"
              name={`severity-${sev}`}
              checked={settings.severities[sev]}
              onChange={(e) => onChange({ ...settings, severities: { ...settings.severities, [sev]: (e.target as HTMLInputElement).checked } })}
            />
            <span>{s.severity[sev]}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <label class="opt-row">
          <input
            type="checkbox"
            name="autoAudit"
            checked={settings.autoAudit}
            onChange={(e) => onChange({ ...settings, autoAudit: (e.target as HTMLInputElement).checked })}
          />
          <span>{s.optAutoAudit}</span>
        </label>
        <p class="hint">{s.optAutoAuditHint}</p>
      </fieldset>
      <p class="saved" role="status" aria-live="polite">{saved ? s.saved : ''}</p>
    </div>
  );
}
