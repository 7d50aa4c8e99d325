import { render } from 'preact';
import { OptionsApp } from '../../components/options/App';
import '../../components/options/options.css';

render(<OptionsApp />, document.getElementById('app')!);
