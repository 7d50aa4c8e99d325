import { render } from 'preact';
import { OptionsApp } from '../../components/options/App';
import '../../components/options/options.css';

// Scripts evaluated (the bench splits the page's time here: loading before, our own work after).
performance.mark('gta:options-script');

render(<OptionsApp />, document.getElementById('app')!);
