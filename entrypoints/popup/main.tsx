/** @jsxImportSource preact */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';
import '../../components/popup.css';

document.title = browser.i18n.getMessage('extName') || 'Nianbao Audit';
render(<App />, document.getElementById('app')!);
