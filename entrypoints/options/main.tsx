import { render } from 'preact';
import { OptionsApp } from '../../components/options/App';
import { readFirstFrame } from '../../components/options/first-frame';
import '../../components/options/options.css';

// Scripts evaluated (the bench splits the page's time here: loading before, our own work after).
performance.mark('gta:options-script');

// The first frame's storage read, started by the head script (entrypoints/options-first-read.ts).
render(<OptionsApp firstFrame={readFirstFrame()} />, document.getElementById('app')!);
