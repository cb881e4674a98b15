/** @jsxImportSource preact */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsView } from '../../components/OptionsView';
import { pickLang } from '../../components/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../../ext/settings';
import { loadSettings, saveSettings } from '../../ext/storage';
import '../../components/popup.css';

function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [saved, setSaved] = useState(false);
  useEffect(() => void loadSettings().then(setSettings), []);
  const lang = pickLang(settings.language, browser.i18n.getUILanguage());
  return (
    <OptionsView
      lang={lang}
      settings={settings}
      saved={saved}
      onChange={(s) => {
        setSettings(s);
        void saveSettings(s).then(() => {
          setSaved(true);
          setTimeout(() => setSaved(false), 1500);
        });
      }}
    />
  );
}

render(<Options />, document.getElementById('app')!);
