import { render } from 'preact';
import { PopupApp } from '../../components/popup/App';
import '../../components/popup/popup.css';

render(<PopupApp />, document.getElementById('app')!);
