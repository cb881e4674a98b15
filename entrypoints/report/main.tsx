/** @jsxImportSource preact */
import { render } from 'preact';
import { ReportApp } from '../../ext/report-app';
import '../../components/popup.css';
import '../../components/report.css';

/**
 * report.html?src=<url>&kind=pdf|docx — an unlisted extension page that fetches a PDF or Word file, reads and
 * audits it, and shows its pages with the findings (ext/report-app.tsx, components/ReportView.tsx).
 */
render(<ReportApp />, document.getElementById('app')!);
