import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { formatDateTime } from '../../ui/dateFormat.js';
import { cssString, type PrintLabel } from './printLabel.js';

/**
 * The top of a printed ICP (hidden on screen): the title, and what this paper is (a draft, not
 * approved, printed when and changed since which version; or which version, approved or not). The
 * same words foot every page with "Page n of m", so a page that came loose still says what it is:
 * the layout fits a realistic ICP on one A4 or Letter page, and a longer one continues on a second
 * page rather than shrinking to an unreadable size.
 */
export function PrintHeader({ title, label }: { title: string; label: PrintLabel }) {
  usePageFooter(`${title} · ${label.headline}`);
  return (
    <header className={`print-header print-header-${label.tone}`} data-testid="print-header">
      <div className="print-header-main">
        <p className="print-kicker">Ideal Customer Profile · Bullseye</p>
        <h1 className="print-title">{title}</h1>
      </div>
      <p className="print-status">
        <strong className="print-headline">{label.headline}</strong>
        {label.details.map((detail) => ` · ${detail}`).join('')}
      </p>
    </header>
  );
}

/** "3 Mar 2027, 14:05", now, and again when the person prints (the page may have been open a while). */
export function usePrintedAt(): string {
  const [printedAt, setPrintedAt] = useState(() => formatDateTime(new Date().toISOString()));
  useEffect(() => {
    // The print layout is taken right after this event: the new date must be in the DOM by then.
    const onBeforePrint = () => flushSync(() => setPrintedAt(formatDateTime(new Date().toISOString())));
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, []);
  return printedAt;
}

/**
 * The footer of every printed page, in the page's bottom margin (CSS page-margin boxes, which only
 * a stylesheet can fill): `text` on the left, "Page n of m" on the right.
 */
function usePageFooter(text: string) {
  useEffect(() => {
    const style = document.createElement('style');
    style.dataset.printFooter = '';
    style.textContent = `@media print { @page {
  @bottom-left { content: ${cssString(text)}; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); }
} }`;
    document.head.append(style);
    return () => style.remove();
  }, [text]);
}
