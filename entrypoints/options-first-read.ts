import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFirstFrameRead } from '../components/options/first-frame';

// Loaded by options.html's head, before its main script: starts the first frame's storage read
// while the main script is still loading (components/options/first-frame.ts says why).
export default defineUnlistedScript(() => startFirstFrameRead());
