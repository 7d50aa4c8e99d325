import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/App';
import { readPopupData } from '../../components/popup/data';
import '../../components/popup/popup.css';

// Scripts evaluated; the first frame is rendered from one storage.local read.
performance.mark('gta:popup-script');
const app = document.getElementById('app')!;
readPopupData(browser.storage).then(
  (data) => render(<PopupApp data={data} />, app),
  () => render(<PopupApp />, app),
);
