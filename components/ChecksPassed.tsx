/** @jsxImportSource preact */
import type { RuleTally } from '../lib/model/result';
import type { Bilingual } from '../lib/model/report';
import type { Lang, Strings } from './i18n';

/** The rules that applied somewhere and found nothing: collapsed by default. */
export function passedChecks(checks: RuleTally[]): RuleTally[] {
  return checks.filter((c) => c.fail === 0 && c.needsReview === 0 && c.pass > 0);
}

export function ChecksPassed(props: { checks: RuleTally[]; lang: Lang; s: Strings; ruleTitles: Record<string, Bilingual>; open?: boolean }) {
  const { checks, lang, s, ruleTitles, open } = props;
  const passed = passedChecks(checks);
  if (!passed.length) return null;
  return (
    <details class="checks" open={open}>
      <summary>{s.checksPassed(passed.length)}</summary>
      <ul>
        {passed.map((c) => (
          <li key={c.rule} data-rule={c.rule}>
            <span class="checks__mark" aria-hidden="true">✓</span>
            <span class="checks__title">{ruleTitles[c.rule]?.[lang] ?? c.rule}</span>
            <span class="checks__count">{s.checkCounts(c.pass, c.notApplicable)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
