import { render } from 'preact';
import { OptionsApp, readFirstFrame } from '../../components/options/App';
import '../../components/options/options.css';

// Scripts evaluated (the bench splits the page's time here: loading before, our own work after).
performance.mark('gta:options-script');

// The first storage read goes out before the first render ("Loading…"), not after it.
render(<OptionsApp firstFrame={readFirstFrame()} />, document.getElementById('app')!);
